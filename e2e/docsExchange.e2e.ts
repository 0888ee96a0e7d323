import { readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { eventually } from "@tandem/testkit";
import type { BrowserContext, Page } from "playwright-core";
import { beforeAll, describe, expect, test } from "vitest";
import { expectNoSeriousViolations } from "./support/axe.js";
import { haveChromium, screenshot } from "./support/browser.js";
import { addUser, editorText, openAs, owner, surface, waitSaved } from "./support/docs.js";
import { settle } from "./support/flows.js";
import { useSuite } from "./support/tandem.js";

const commenter = { email: "sacha.commenter@ministere.example", name: "Sacha Commenter" };

async function shareAsCommenter(page: Page, email: string) {
  await page.getByTestId("docs-share").click();
  await page.getByTestId("docs-share-email").fill(email);
  await page.getByTestId("docs-share-role").selectOption("commenter");
  await page.getByTestId("docs-share-add").click();
  await eventually(async () =>
    expect(await page.getByTestId("docs-share-notice").textContent()).toContain(email),
  );
  await page.keyboard.press("Escape");
  await page.getByTestId("docs-share-dialog").waitFor({ state: "hidden" });
}

/** Comments in the editor, export to files and import from them. */
describe.skipIf(!haveChromium)("docs: comments, export and import", () => {
  const suite = useSuite();
  beforeAll(async () => {
    for (const person of [owner, commenter]) await addUser(suite.tandem, person);
  });

  test("a commenter comments on selected text; the owner sees the thread", async () => {
    const { tandem, browser } = suite;
    const contexts: BrowserContext[] = [];
    try {
      const camille = await openAs(tandem, contexts, owner, browser, "/docs");
      await camille.getByTestId("docs-new").click();
      await camille.getByTestId("docs-document").waitFor();
      const id = await camille.getByTestId("docs-document").getAttribute("data-document-id");
      await surface(camille).click();
      await camille.keyboard.type("Proposal for the budget");
      await waitSaved(camille);
      await shareAsCommenter(camille, commenter.email);

      const sacha = await openAs(tandem, contexts, commenter, browser, `/docs/${id}`);
      await sacha.getByTestId("docs-readonly").waitFor();
      await eventually(async () => expect(await editorText(sacha)).toContain("Proposal"));
      expect(await surface(sacha).getAttribute("contenteditable")).toBe("false");

      // Select a word of the read-only text: the toolbar offers only to comment.
      await surface(sacha).getByText("Proposal for the budget").dblclick();
      const addComment = sacha.locator(".bn-formatting-toolbar").getByRole("button", {
        name: "Add comment",
      });
      await addComment.click();
      const composer = sacha.locator(".bn-thread .bn-comment-editor [contenteditable=true]");
      await composer.click();
      await sacha.keyboard.type("Which year is this for?");
      await sacha.locator(".bn-thread").getByRole("button", { name: "Save" }).click();

      // The thread is anchored on the text, in everyone's document.
      await surface(sacha).locator(".bn-thread-mark").first().waitFor();
      const mark = surface(camille).locator(".bn-thread-mark").first();
      await eventually(async () => expect(await mark.count()).toBe(1), { timeoutMs: 15_000 });
      await mark.click();
      const thread = camille.locator(".bn-thread");
      await eventually(async () =>
        expect(await thread.first().textContent()).toContain("Which year is this for?"),
      );
      await eventually(async () =>
        expect(await thread.first().textContent()).toContain(commenter.name),
      );

      await settle(camille);
      await screenshot(camille, "docs-comment-thread-en");
      await expectNoSeriousViolations(camille, "the docs editor with a comment thread open");
      await surface(sacha).locator(".bn-thread-mark").first().click();
      await sacha.locator(".bn-thread").first().waitFor();
      await settle(sacha);
      await expectNoSeriousViolations(sacha, "a commenter's thread with its reply box");
    } finally {
      for (const context of contexts) await context.close();
    }
  });

  test("export downloads an OpenDocument file; importing Markdown opens the new document", async () => {
    const { tandem, browser } = suite;
    const contexts: BrowserContext[] = [];
    try {
      const page = await openAs(tandem, contexts, owner, browser, "/docs");
      await page.getByTestId("docs-new").click();
      await page.getByTestId("docs-document").waitFor();
      await page.getByTestId("docs-title").fill("Exported notes");
      await surface(page).click();
      await page.keyboard.type("Words to export");
      await waitSaved(page);

      await page.getByTestId("docs-export").click();
      const downloaded = page.waitForEvent("download");
      await page.getByTestId("docs-export-odt").click();
      const download = await downloaded;
      expect(download.suggestedFilename()).toMatch(/\.odt$/);
      const path = await download.path();
      const bytes = await readFile(path);
      // An OpenDocument file is a zip archive.
      expect(bytes.subarray(0, 2).toString("latin1")).toBe("PK");

      const file = join(tmpdir(), `tandem-import-${Date.now()}.md`);
      await writeFile(file, "# Imported heading\n\nImported paragraph.\n");
      await page.goto(`${tandem.url}/docs`);
      await page.getByTestId("docs-import").waitFor();
      await page.getByTestId("docs-import-input").setInputFiles(file);
      await page.getByTestId("docs-document").waitFor();
      await eventually(async () => expect(await editorText(page)).toContain("Imported heading"), {
        timeoutMs: 15_000,
      });

      // A file the server cannot read: its reason is announced.
      const broken = join(tmpdir(), `tandem-import-${Date.now()}.docx`);
      await writeFile(broken, "not a word file");
      await page.goto(`${tandem.url}/docs`);
      await page.getByTestId("docs-import-input").setInputFiles(broken);
      const problem = page.getByTestId("docs-import-error");
      await problem.waitFor();
      expect(await problem.getAttribute("role")).toBe("alert");
      await settle(page);
      await expectNoSeriousViolations(page, "the docs home with an import error");
    } finally {
      for (const context of contexts) await context.close();
    }
  });
});
