import { openDatabase } from "@tandem/kernel";
import { eventually } from "@tandem/testkit";
import type { BrowserContext, Page } from "playwright-core";
import { beforeAll, describe, expect, test } from "vitest";
import { expectNoSeriousViolations } from "./support/axe.js";
import {
  haveChromium,
  type Language,
  newContext,
  type Theme,
  watchProblems,
} from "./support/browser.js";
import { addUser, editor, openAs, owner } from "./support/docs.js";
import { settle, signIn, waitForShell } from "./support/flows.js";
import type { E2eTandem } from "./support/tandem.js";
import { useSuite } from "./support/tandem.js";

const languages: Language[] = ["en", "fr", "de"];
const themes: Theme[] = ["light", "dark"];
const cases = languages.flatMap((language) => themes.map((theme) => ({ language, theme })));
const widths = [
  { name: "desktop", width: 1280, height: 800 },
  { name: "phone", width: 390, height: 844 },
];

/** A new document of `owner`'s, left without any access, as one orphaned before docs kept owners. */
async function orphanedDocument(
  tandem: E2eTandem,
  contexts: BrowserContext[],
  browser: Parameters<typeof openAs>[3],
) {
  const page = await openAs(tandem, contexts, owner, browser, "/docs");
  await page.getByTestId("docs-new").click();
  await page.getByTestId("docs-document").waitFor();
  const id = await page.getByTestId("docs-document").getAttribute("data-document-id");
  if (!id) throw new Error("the new document has no id");
  const database = await openDatabase({
    databaseUrl: tandem.env.TANDEM_DATABASE_URL,
    dataDir: tandem.env.TANDEM_DATA_DIR ?? "",
  });
  try {
    await database.db.deleteFrom("docs_accesses").where("document_id", "=", id).execute();
  } finally {
    await database.close();
  }
  return id;
}

async function openDocumentsTab(page: Page, tandem: E2eTandem): Promise<void> {
  await page.goto(`${tandem.url}/admin`);
  await page.getByTestId("admin-tab-documents").click();
  await page.getByTestId("admin-documents").waitFor();
}

/** Administrators find the documents nobody owns and give them an owner (issue 11, item 1). */
describe.skipIf(!haveChromium)("admin: documents without an owner", () => {
  const suite = useSuite();
  /** One ownerless document the accessibility checks find in the list (made by the first). */
  let orphaned: string | undefined;
  beforeAll(async () => {
    for (const person of [owner, editor]) await addUser(suite.tandem, person);
  });

  test.each(cases)(
    "the tab and its recovery dialog pass axe: $language, $theme theme, desktop and phone",
    async ({ language, theme }) => {
      const { tandem, browser } = suite;
      const contexts: BrowserContext[] = [];
      try {
        if (!orphaned) orphaned = await orphanedDocument(tandem, contexts, browser);
        const context = await newContext(browser, { language, theme });
        contexts.push(context);
        const page = await context.newPage();
        await page.goto(tandem.url);
        await signIn(page, tandem.admin.email, tandem.admin.password);
        await waitForShell(page);
        await openDocumentsTab(page, tandem);
        await page.getByTestId("admin-document").first().waitFor();
        for (const size of widths) {
          const where = (screen: string) => `${screen} (${language}, ${theme}, ${size.name})`;
          await page.setViewportSize({ width: size.width, height: size.height });
          await settle(page);
          await expectNoSeriousViolations(page, where("the admin documents tab"));
          await page.getByTestId("admin-document-recover").first().click();
          await page.getByTestId("admin-recover-email").waitFor();
          await settle(page);
          await expectNoSeriousViolations(page, where("the recovery dialog"));
          await page.getByTestId("admin-recover-cancel").click();
          await page.getByTestId("admin-recover-email").waitFor({ state: "hidden" });
        }
      } finally {
        for (const context of contexts) await context.close();
      }
    },
  );

  test("an administrator recovers a document for another account by e-mail", async () => {
    const { tandem, browser } = suite;
    const contexts: BrowserContext[] = [];
    try {
      const id = await orphanedDocument(tandem, contexts, browser);
      const context = await newContext(browser, { language: "en", theme: "light" });
      contexts.push(context);
      const page = await context.newPage();
      const { problems } = await watchProblems(page, [
        { path: "/api/v1/me", status: 401 },
        { path: `/api/docs/v1/admin/orphans/${id}/recover`, status: 400 },
      ]);
      await page.goto(tandem.url);
      await signIn(page, tandem.admin.email, tandem.admin.password);
      await waitForShell(page);
      await openDocumentsTab(page, tandem);
      const rows = page.getByTestId("admin-document");
      await eventually(async () => expect(await rows.count()).toBeGreaterThan(0));
      const before = await rows.count();

      // An address without an account: the server's reason is shown, the document stays.
      const row = page.locator(`[data-testid="admin-document"][data-document-id="${id}"]`);
      await row.getByTestId("admin-document-recover").click();
      await page.getByTestId("admin-recover-email").fill("nobody@ministere.example");
      await page.getByTestId("admin-recover-confirm").click();
      const notice = page.getByTestId("admin-documents-notice");
      await eventually(async () =>
        expect(await notice.textContent()).toContain("no active account"),
      );
      expect(await rows.count()).toBe(before);

      await row.getByTestId("admin-document-recover").click();
      await page.getByTestId("admin-recover-email").fill(editor.email);
      await page.getByTestId("admin-recover-confirm").click();
      await eventually(async () =>
        expect(await notice.textContent()).toContain(`${editor.email} now owns`),
      );
      await eventually(async () => expect(await rows.count()).toBe(before - 1));
      expect(await row.count()).toBe(0);

      // The named account owns it now; the administrator did not take it.
      const heir = await openAs(tandem, contexts, editor, browser, "/docs");
      const seen = await heir.request.get(`${tandem.url}/api/docs/v1/documents/${id}`);
      expect(seen.status()).toBe(200);
      expect((await seen.json()).role).toBe("owner");
      const asAdmin = await page.request.get(`${tandem.url}/api/docs/v1/documents/${id}`);
      expect(asAdmin.status()).toBe(403);
      expect(problems).toEqual([]);
    } finally {
      for (const context of contexts) await context.close();
    }
  });
});
