import { eventually } from "@tandem/testkit";
import type { BrowserContext } from "playwright-core";
import { beforeAll, describe, expect, test } from "vitest";
import { expectNoSeriousViolations } from "./support/axe.js";
import { haveChromium, screenshot } from "./support/browser.js";
import {
  addUser,
  caretBefore,
  commenter,
  commentOn,
  editor,
  editorText,
  expectTypingChangesNothing,
  firstCommentActions,
  newSharedDocument,
  openAs,
  openMarks,
  openThread,
  owner,
  reader,
  reply,
  resolvedMarks,
  selectWord,
  surface,
  thread,
  waitSaved,
} from "./support/docs.js";
import { colorScheme, settle, waitForShell } from "./support/flows.js";
import { useSuite } from "./support/tandem.js";

const TEXT = "Figures for the budget";
const WORD = "budget";
const QUESTION = "Is this the final figure?";
const ANSWER = "Yes, approved on Monday";

const SECOND = "Staff for the project";
const DONE = "Counted twice, fixed now";
const looks = [
  { language: "fr", theme: "light" },
  { language: "de", theme: "light" },
  { language: "en", theme: "dark" },
  { language: "fr", theme: "dark" },
  { language: "de", theme: "dark" },
] as const;
/** BlockNote's words and ours, as each language shows them. */
const words = {
  en: [
    "Add comment",
    "Write a comment",
    "Resolve",
    "Resolved comments: 1",
    "Re-open",
    "Marked as resolved",
  ],
  fr: [
    "Ajouter un commentaire",
    "Écrire un commentaire",
    "Résoudre",
    "Commentaires résolus : 1",
    "Rouvrir",
    "Marqué comme résolu",
  ],
  de: [
    "Kommentar hinzufügen",
    "Kommentar schreiben",
    "Lösen",
    "Gelöste Kommentare: 1",
    "Wieder öffnen",
    "Als gelöst markiert",
  ],
} as const;

/** Comments in the editor between roles: threads, replies, resolving and reopening. */
describe.skipIf(!haveChromium)("docs: comment threads in the browser", () => {
  const suite = useSuite();
  beforeAll(async () => {
    for (const person of [owner, editor, commenter, reader]) await addUser(suite.tandem, person);
  });

  test("an editor comments, a commenter replies live; resolving and reopening reach both", async () => {
    const { tandem, browser } = suite;
    const contexts: BrowserContext[] = [];
    try {
      const camille = await openAs(tandem, contexts, owner, browser, "/docs");
      const id = await newSharedDocument(camille, TEXT, [
        { email: editor.email, role: "editor" },
        { email: commenter.email, role: "commenter" },
      ]);
      const dominique = await openAs(tandem, contexts, editor, browser, `/docs/${id}`);
      const sacha = await openAs(tandem, contexts, commenter, browser, `/docs/${id}`);
      await eventually(async () => expect(await editorText(sacha)).toContain(TEXT));
      await eventually(async () => expect(await editorText(dominique)).toContain(TEXT));

      await commentOn(dominique, WORD, QUESTION);
      // The commenter, already on the page, sees the thread arrive and opens it.
      await eventually(async () => expect(await openMarks(sacha).count()).toBe(1), {
        timeoutMs: 15_000,
      });
      const sachaThread = await openThread(sacha, QUESTION);
      await eventually(async () => expect(await sachaThread.textContent()).toContain(editor.name));
      const dominiqueThread = await openThread(dominique, QUESTION);

      await reply(sacha, QUESTION, ANSWER);
      await eventually(async () => expect(await dominiqueThread.textContent()).toContain(ANSWER));
      await eventually(async () =>
        expect(await dominiqueThread.textContent()).toContain(commenter.name),
      );
      await eventually(async () => expect(await sachaThread.textContent()).toContain(ANSWER));
      // The reply box is empty again, ready for the next one.
      expect(
        await sachaThread.locator(".bn-thread-composer [contenteditable=true]").textContent(),
      ).toBe("");

      // Resolving takes the thread out of the text for both; it is listed as resolved.
      const actions = await firstCommentActions(dominique, QUESTION);
      await actions.getByRole("button", { name: "Resolve" }).click();
      for (const page of [dominique, sacha]) {
        await eventually(async () => expect(await resolvedMarks(page).count()).toBe(1));
        expect(await openMarks(page).count()).toBe(0);
        await thread(page, QUESTION).waitFor({ state: "hidden" });
        await eventually(async () =>
          expect(await page.getByTestId("docs-resolved-toggle").textContent()).toBe(
            "Resolved comments: 1",
          ),
        );
      }
      // Clicking the text where the thread was opens nothing.
      await resolvedMarks(dominique).first().click();
      expect(await thread(dominique, QUESTION).count()).toBe(0);

      // The commenter reads it in the resolved list, with who resolved it, and reopens it.
      await sacha.getByTestId("docs-resolved-toggle").click();
      const resolved = sacha.getByTestId("docs-resolved-threads");
      await eventually(async () => {
        const text = (await resolved.textContent()) ?? "";
        expect(text).toContain(QUESTION);
        expect(text).toContain(ANSWER);
        expect(text).toContain("Marked as resolved");
      });
      expect(await resolved.locator(".bn-thread-composer").count()).toBe(0);
      await screenshot(sacha, "docs-comments-resolved-en");
      const reopen = await firstCommentActions(sacha, QUESTION);
      await reopen.getByRole("button", { name: "Re-open" }).click();

      for (const page of [dominique, sacha]) {
        await eventually(async () => expect(await openMarks(page).count()).toBe(1));
        await page.getByTestId("docs-resolved").waitFor({ state: "detached" });
      }
      const again = await openThread(dominique, QUESTION);
      await eventually(async () => expect(await again.textContent()).toContain(ANSWER));
      const reopened = await firstCommentActions(dominique, QUESTION);
      await reopened.getByRole("button", { name: "Resolve" }).waitFor();
    } finally {
      for (const context of contexts) await context.close();
    }
  });

  test("a reader sees threads and replies, and can neither comment, reply, resolve nor type", async () => {
    const { tandem, browser } = suite;
    const contexts: BrowserContext[] = [];
    try {
      const camille = await openAs(tandem, contexts, owner, browser, "/docs");
      const id = await newSharedDocument(camille, TEXT, [{ email: reader.email, role: "reader" }]);
      await commentOn(camille, WORD, QUESTION);
      const ownerThread = await openThread(camille, QUESTION);
      await reply(camille, QUESTION, ANSWER);
      await eventually(async () => expect(await ownerThread.textContent()).toContain(ANSWER));
      // What the reader must not have, the owner has: a reply box, a resolve button, the toolbar.
      await ownerThread.locator(".bn-thread-composer [contenteditable=true]").waitFor();
      const ownerActions = await firstCommentActions(camille, QUESTION);
      await ownerActions.getByRole("button", { name: "Resolve" }).waitFor();
      await ownerActions.getByRole("button", { name: "More actions" }).waitFor();

      const lou = await openAs(tandem, contexts, reader, browser, `/docs/${id}`);
      await lou.getByTestId("docs-readonly").waitFor();
      await eventually(async () => expect(await openMarks(lou).count()).toBe(1), {
        timeoutMs: 15_000,
      });
      const louThread = await openThread(lou, QUESTION);
      await eventually(async () => {
        const text = (await louThread.textContent()) ?? "";
        expect(text).toContain(QUESTION);
        expect(text).toContain(ANSWER);
        expect(text).toContain(owner.name);
      });
      expect(await louThread.locator(".bn-thread-composer").count()).toBe(0);
      expect(await louThread.locator("[contenteditable=true]").count()).toBe(0);
      const louActions = await firstCommentActions(lou, QUESTION);
      expect(await louActions.getByRole("button").count()).toBe(0);
      await screenshot(lou, "docs-comments-reader-en");

      // Selecting text offers no toolbar, so no way to start a thread. The owner's toolbar, for
      // comparison, on another word: the reader's cursor now sits in WORD, where it opened the
      // thread, and a double-click there lands on that cursor.
      await selectWord(camille, "Figures");
      await camille.locator(".bn-formatting-toolbar").waitFor();
      await camille.keyboard.press("ArrowRight");
      await selectWord(lou, WORD);
      await eventually(async () =>
        expect(await lou.evaluate(() => window.getSelection()?.toString() ?? "")).not.toBe(""),
      );
      expect(await lou.locator(".bn-formatting-toolbar").count()).toBe(0);
      expect(await lou.getByRole("button", { name: "Add comment" }).count()).toBe(0);
      expect(await surface(lou).getAttribute("contenteditable")).toBe("false");
      await expectTypingChangesNothing(lou, camille, id, { select: WORD, first: "Figures" });
    } finally {
      for (const context of contexts) await context.close();
    }
  });

  test("a commenter comments, but cannot change or format the text", async () => {
    const { tandem, browser } = suite;
    const contexts: BrowserContext[] = [];
    try {
      const camille = await openAs(tandem, contexts, owner, browser, "/docs");
      const id = await newSharedDocument(camille, TEXT, [
        { email: commenter.email, role: "commenter" },
      ]);
      await selectWord(camille, WORD);
      const ownerToolbar = camille.locator(".bn-formatting-toolbar");
      await ownerToolbar.getByRole("button", { name: "Bold" }).waitFor();

      const sacha = await openAs(tandem, contexts, commenter, browser, `/docs/${id}`);
      await sacha.getByTestId("docs-readonly").waitFor();
      await eventually(async () => expect(await editorText(sacha)).toContain(TEXT));
      expect(await surface(sacha).getAttribute("contenteditable")).toBe("false");
      await selectWord(sacha, WORD);
      const toolbar = sacha.locator(".bn-formatting-toolbar");
      await toolbar.getByRole("button", { name: "Add comment" }).waitFor();
      expect(await toolbar.getByRole("button", { name: "Bold" }).count()).toBe(0);
      await sacha.keyboard.press("Escape");

      await commentOn(sacha, WORD, QUESTION);
      await eventually(async () => expect(await openMarks(camille).count()).toBe(1), {
        timeoutMs: 15_000,
      });
      const seen = await openThread(camille, QUESTION);
      await eventually(async () => expect(await seen.textContent()).toContain(commenter.name));
      await expectTypingChangesNothing(sacha, camille, id, { select: WORD, first: "Figures" });
    } finally {
      for (const context of contexts) await context.close();
    }
  });

  /** axe-core on the comments UI (composer, open thread, resolved list) in each language and theme. */
  describe("comments under axe-core, translated and in dark mode", () => {
    let id = "";
    beforeAll(async () => {
      const contexts: BrowserContext[] = [];
      try {
        const page = await openAs(suite.tandem, contexts, owner, suite.browser, "/docs");
        id = await newSharedDocument(page, SECOND, []);
        await commentOn(page, "project", DONE);
        await openThread(page, DONE);
        await (await firstCommentActions(page, DONE))
          .getByRole("button", { name: "Resolve" })
          .click();
        await eventually(async () => expect(await resolvedMarks(page).count()).toBe(1));
        // The caret before the first line's first word, by a click on it: with focus() and
        // Control+Home the text was typed at the end since the web app's router came in.
        await caretBefore(page, "Staff");
        await page.keyboard.type(`${TEXT}`);
        await page.keyboard.press("Enter");
        await commentOn(page, WORD, QUESTION);
        await openThread(page, QUESTION);
        await reply(page, QUESTION, ANSWER);
        await eventually(async () =>
          expect(await thread(page, QUESTION).textContent()).toContain(ANSWER),
        );
        await waitSaved(page);
      } finally {
        for (const context of contexts) await context.close();
      }
    });

    test.each(looks)("$language, $theme theme", async ({ language, theme }) => {
      const contexts: BrowserContext[] = [];
      const [addComment, write, resolve, resolvedCount, reopen, marked] = words[language];
      const where = (screen: string) => `${screen} (${language}, ${theme})`;
      try {
        const page = await openAs(suite.tandem, contexts, owner, suite.browser, `/docs/${id}`, {
          language,
          theme,
        });
        expect(await colorScheme(page)).toBe(theme);
        await eventually(async () => expect(await openMarks(page).count()).toBe(1));

        // The composer for a new thread.
        await selectWord(page, "project");
        await page
          .locator(".bn-formatting-toolbar")
          .getByRole("button", { name: addComment })
          .click();
        const composer = page.locator(`.bn-thread [aria-label="${write}"]`);
        await composer.waitFor();
        await settle(page);
        await expectNoSeriousViolations(page, where("the new comment composer"));
        // The open composer makes the rest of the page inert, and closing it with Escape once
        // left BlockNote unable to open the other thread within the 20 s allowed (seen in CI):
        // the page starts again from the saved document instead, as a person coming back would.
        await page.reload();
        await waitForShell(page);
        await eventually(async () => expect(await openMarks(page).count()).toBe(1));
        expect(await composer.count()).toBe(0);

        // An open thread with its reply box and the first comment's actions.
        const card = await openThread(page, QUESTION);
        await card.locator(`.bn-thread-composer [aria-label="${write}"]`).waitFor();
        const actions = await firstCommentActions(page, QUESTION);
        await actions.getByRole("button", { name: resolve }).waitFor();
        await settle(page);
        await screenshot(page, `docs-comments-thread-${theme}-${language}`);
        await expectNoSeriousViolations(page, where("an open comment thread"));

        // The resolved threads, listed under the text.
        const toggle = page.getByTestId("docs-resolved-toggle");
        expect(await toggle.textContent()).toBe(resolvedCount);
        await toggle.click();
        const list = page.getByTestId("docs-resolved-threads");
        await list.getByText(marked).waitFor();
        expect(await toggle.getAttribute("aria-expanded")).toBe("true");
        const again = await firstCommentActions(page, DONE);
        await again.getByRole("button", { name: reopen }).waitFor();
        await settle(page);
        await screenshot(page, `docs-comments-resolved-${theme}-${language}`);
        await expectNoSeriousViolations(page, where("the resolved comments"));
      } finally {
        for (const context of contexts) await context.close();
      }
    });
  });
});
