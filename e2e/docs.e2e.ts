import { eventually } from "@tandem/testkit";
import type { BrowserContext } from "playwright-core";
import { beforeAll, describe, expect, test } from "vitest";
import { expectNoSeriousViolations } from "./support/axe.js";
import { haveChromium, screenshot, watchProblems } from "./support/browser.js";
import {
  addUser,
  cursorLabel,
  editor,
  editorText,
  openAs,
  owner,
  reader,
  share,
  storedText,
  surface,
  waitSaved,
} from "./support/docs.js";
import { settle } from "./support/flows.js";
import { useSuite } from "./support/tandem.js";

/** Collaboration in the browser: live edits and cursors, read-only readers, offline edits. */
describe.skipIf(!haveChromium)("docs: editing together", () => {
  const suite = useSuite();
  beforeAll(async () => {
    for (const person of [owner, editor, reader]) await addUser(suite.tandem, person);
  });

  test("two people edit one document live, see each other's cursor; a reader only reads", async () => {
    const { tandem, browser } = suite;
    const contexts: BrowserContext[] = [];
    try {
      const camille = await openAs(tandem, contexts, owner, browser, "/docs");
      const { problems } = await watchProblems(camille, []);
      await camille.getByTestId("docs-shared-empty").waitFor();
      await camille.getByTestId("docs-new").click();
      await camille.getByTestId("docs-document").waitFor();
      const id = await camille.getByTestId("docs-document").getAttribute("data-document-id");
      expect(id).toBeTruthy();
      expect(new URL(camille.url()).pathname).toBe(`/docs/${id}`);

      // The title is saved a moment after typing stops; the page tree follows it.
      await camille.getByTestId("docs-title").fill("Meeting notes");
      await eventually(async () =>
        expect(await camille.getByTestId("docs-tree-link").first().textContent()).toBe(
          "Meeting notes",
        ),
      );

      await camille.getByTestId("docs-share").click();
      await share(camille, editor.email, "editor");
      await share(camille, reader.email, "reader");
      await expect(camille.getByTestId("docs-share-access").count()).resolves.toBe(3);
      await camille.keyboard.press("Escape");
      await camille.getByTestId("docs-share-dialog").waitFor({ state: "hidden" });

      await eventually(async () =>
        expect(await camille.getByTestId("docs-connection").getAttribute("data-state")).toBe(
          "saved",
        ),
      );
      await surface(camille).click();
      await camille.keyboard.type("Hello from Camille");

      const dominique = await openAs(tandem, contexts, editor, browser, `/docs/${id}`);
      await eventually(async () =>
        expect(await editorText(dominique)).toContain("Hello from Camille"),
      );
      expect(await surface(dominique).getAttribute("contenteditable")).toBe("true");
      await surface(dominique).click();
      await dominique.keyboard.press("Control+End");
      await dominique.keyboard.press("Enter");
      await dominique.keyboard.type("Reply from Dominique");

      await eventually(async () =>
        expect(await editorText(camille)).toContain("Reply from Dominique"),
      );
      // Each sees the other's cursor with their name, and their avatar among the people here.
      await eventually(async () => expect(await cursorLabel(camille, editor.name).count()).toBe(1));
      await camille.keyboard.type("!");
      await eventually(async () =>
        expect(await cursorLabel(dominique, owner.name).count()).toBe(1),
      );
      await eventually(async () =>
        expect(
          await camille
            .locator(`[data-testid="docs-presence-user"][data-name="${editor.name}"]`)
            .count(),
        ).toBe(1),
      );

      // A reader sees the content live, in a read-only editor (here in French, dark theme).
      const lou = await openAs(tandem, contexts, reader, browser, `/docs/${id}`, {
        language: "fr",
        theme: "dark",
      });
      await lou.getByTestId("docs-readonly").waitFor();
      await eventually(async () => expect(await editorText(lou)).toContain("Reply from Dominique"));
      expect(await surface(lou).getAttribute("contenteditable")).toBe("false");
      await expect(lou.getByTestId("docs-share").count()).resolves.toBe(0);
      await dominique.keyboard.type(" and more");
      await eventually(async () => expect(await editorText(lou)).toContain("and more"));

      await settle(camille);
      await screenshot(camille, "docs-editor-en");
      await expectNoSeriousViolations(camille, "the docs editor");
      await settle(lou);
      await screenshot(lou, "docs-reader-fr-dark");
      await expectNoSeriousViolations(lou, "the docs editor, read only (fr, dark)");
      expect(
        problems.filter((p) => p.startsWith("uncaught")),
        problems.join("\n"),
      ).toEqual([]);
    } finally {
      for (const context of contexts) await context.close();
    }
  });

  test("edits made offline are kept in the browser and merged when it comes back", async () => {
    const { tandem, browser } = suite;
    const contexts: BrowserContext[] = [];
    try {
      const camille = await openAs(tandem, contexts, owner, browser, "/docs");
      await camille.getByTestId("docs-new").click();
      await camille.getByTestId("docs-document").waitFor();
      const id = await camille.getByTestId("docs-document").getAttribute("data-document-id");
      await camille.getByTestId("docs-share").click();
      await share(camille, editor.email, "editor");
      await camille.keyboard.press("Escape");
      await surface(camille).click();
      await camille.keyboard.type("Online words");
      await waitSaved(camille);

      const dominique = await openAs(tandem, contexts, editor, browser, `/docs/${id}`);
      const offlineContext = contexts[contexts.length - 1] as BrowserContext;
      await eventually(async () => expect(await editorText(dominique)).toContain("Online words"));
      await offlineContext.setOffline(true);
      await eventually(async () =>
        expect(await dominique.getByTestId("docs-connection").getAttribute("data-state")).toBe(
          "offline",
        ),
      );
      await surface(dominique).click();
      await dominique.keyboard.press("Control+End");
      // One input event, so one Yjs update that holds the whole text as UTF-8.
      await dominique.keyboard.insertText(" and offline words");
      // Kept in IndexedDB before the tab is closed.
      await eventually(async () =>
        expect(await storedText(dominique, id ?? "")).toContain("offline words"),
      );
      await dominique.close();
      expect(await editorText(camille)).not.toContain("offline words");

      // Back online, the same browser opens the document again: its edits reach everyone.
      await offlineContext.setOffline(false);
      const again = await offlineContext.newPage();
      await again.goto(`${tandem.url}/docs/${id}`);
      await eventually(async () => expect(await editorText(camille)).toContain("offline words"), {
        timeoutMs: 20_000,
      });
      await waitSaved(again);
    } finally {
      for (const context of contexts) await context.close();
    }
  });
});
