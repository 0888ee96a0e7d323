import { eventually } from "@tandem/testkit";
import type { BrowserContext } from "playwright-core";
import { beforeAll, describe, expect, test } from "vitest";
import { expectNoSeriousViolations } from "./support/axe.js";
import { haveChromium, screenshot } from "./support/browser.js";
import { addUser, editorText, openAs, owner, surface, waitSaved } from "./support/docs.js";
import { settle } from "./support/flows.js";
import { useSuite } from "./support/tandem.js";

/** The docs app around the editor: page tree, favourites, versions, trash and search. */
describe.skipIf(!haveChromium)("docs: pages, versions, trash and search", () => {
  const suite = useSuite();
  beforeAll(() => addUser(suite.tandem, owner));

  test("the page tree, favourites, versions (view, diff, restore), trash and search", async () => {
    const { tandem, browser } = suite;
    const contexts: BrowserContext[] = [];
    try {
      const page = await openAs(tandem, contexts, owner, browser, "/docs");
      await page.getByTestId("docs-new").click();
      await page.getByTestId("docs-document").waitFor();
      const id = await page.getByTestId("docs-document").getAttribute("data-document-id");
      await page.getByTestId("docs-title").fill("Budget 2027");
      await surface(page).click();
      await page.keyboard.type("First line");
      await waitSaved(page);

      // Versions: name one, change the text, compare, look at it, restore it.
      await page.getByTestId("docs-versions").click();
      await page.getByTestId("docs-version-name").fill("Draft one");
      await page.getByTestId("docs-version-save").click();
      const named = page.getByTestId("docs-version").filter({ hasText: "Draft one" });
      await named.waitFor();
      await page.keyboard.press("Escape");
      await page.getByTestId("docs-versions-panel").waitFor({ state: "hidden" });
      await surface(page).click();
      await page.keyboard.press("Control+End");
      await page.keyboard.press("Enter");
      await page.keyboard.type("Second line");
      await waitSaved(page);
      await page.getByTestId("docs-versions").click();
      await named.getByTestId("docs-version-compare").click();
      await page
        .locator('[data-testid="docs-diff-line"][data-change="added"]', { hasText: "Second line" })
        .waitFor();
      await settle(page);
      await screenshot(page, "docs-versions-diff-en");
      await expectNoSeriousViolations(page, "the versions panel with a diff");
      await page.getByTestId("docs-version-back").click();
      await named.getByTestId("docs-version-view").click();
      await page.getByTestId("docs-version-view").getByText("First line").waitFor();
      expect(await page.getByTestId("docs-version-view").textContent()).not.toContain(
        "Second line",
      );
      await page.getByTestId("docs-version-back").click();
      await named.getByTestId("docs-version-restore").click();
      await page.getByTestId("docs-version-confirm-restore").click();
      await eventually(async () =>
        expect(await page.getByTestId("docs-versions-notice").getAttribute("role")).toBe("status"),
      );
      await page.keyboard.press("Escape");
      await eventually(async () => expect(await editorText(page)).not.toContain("Second line"));
      expect(await editorText(page)).toContain("First line");

      // Favourites are listed on the docs home.
      await page.getByTestId("docs-favourite").click();
      await eventually(async () =>
        expect(await page.getByTestId("docs-favourite").getAttribute("aria-pressed")).toBe("true"),
      );

      // The tree: a sub-page, moved to the top level, put in the trash and restored.
      await page.getByTestId("docs-tree-actions").first().click();
      await page.getByTestId("docs-tree-add-child").click();
      await eventually(async () => expect(new URL(page.url()).pathname).not.toBe(`/docs/${id}`));
      const childPath = new URL(page.url()).pathname;
      await page.getByTestId("docs-title").fill("Annex");
      await eventually(async () =>
        expect(await page.getByTestId("docs-tree-link").allTextContents()).toEqual([
          "Budget 2027",
          "Annex",
        ]),
      );
      await page.getByTestId("docs-tree-actions").nth(1).click();
      await page.getByTestId("docs-tree-move").click();
      await page.getByTestId("docs-move-target").selectOption("");
      // A refused move shows the server's reason, not a general failure.
      const refusal = "The page would have no owner there: move it under a page with an owner.";
      await page.route("**/api/docs/v1/documents/*/move", (route) =>
        route.fulfill({ status: 409, json: { error: "conflict", message: refusal } }),
      );
      await page.getByTestId("docs-move-submit").click();
      const alert = page.getByTestId("docs-move-dialog").getByRole("alert");
      expect(await alert.textContent()).toBe(`The page was not moved: ${refusal}`);
      await page.unroute("**/api/docs/v1/documents/*/move");
      await page.getByTestId("docs-move-submit").click();
      await eventually(async () =>
        expect(await page.getByTestId("docs-tree-link").allTextContents()).toEqual(["Annex"]),
      );
      await page.getByTestId("docs-tree-actions").first().click();
      await page.getByTestId("docs-tree-trash").click();
      await eventually(async () => expect(new URL(page.url()).pathname).toBe("/docs"));
      await page.getByTestId("docs-favourites-item").filter({ hasText: "Budget 2027" }).waitFor();
      await settle(page);
      await expectNoSeriousViolations(page, "the docs home");
      await page.getByRole("link", { name: "Trash" }).click();
      await page.getByTestId("docs-trash-item").filter({ hasText: "Annex" }).waitFor();
      await settle(page);
      await expectNoSeriousViolations(page, "the trash");
      await page.getByTestId("docs-trash-restore").click();
      await page.getByTestId("docs-trash-empty").waitFor();
      await page.goto(`${tandem.url}${childPath}`);
      await page.getByTestId("docs-document").waitFor();

      // Search finds the document by its content, the match highlighted.
      await page.getByTestId("docs-search").fill("First");
      await eventually(
        async () => {
          const result = page.getByTestId("docs-search-result").filter({ hasText: "Budget 2027" });
          expect(await result.locator("mark").first().textContent()).toMatch(/first/i);
        },
        { timeoutMs: 20_000 },
      );
      await settle(page);
      await expectNoSeriousViolations(page, "the docs page with search results");
    } finally {
      for (const context of contexts) await context.close();
    }
  });
});
