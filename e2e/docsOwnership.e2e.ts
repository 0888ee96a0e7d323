import { eventually } from "@tandem/testkit";
import type { BrowserContext } from "playwright-core";
import { beforeAll, describe, expect, test } from "vitest";
import { expectNoSeriousViolations } from "./support/axe.js";
import { haveChromium, watchProblems } from "./support/browser.js";
import { addUser, editor, openAs, owner, share } from "./support/docs.js";
import { settle } from "./support/flows.js";
import { useSuite } from "./support/tandem.js";

/** Removing one's own access asks first, and the server keeps the last owner (issue 11, item 1). */
describe.skipIf(!haveChromium)("docs: owners keep their documents", () => {
  const suite = useSuite();
  beforeAll(async () => {
    for (const person of [owner, editor]) await addUser(suite.tandem, person);
  });

  test("removing one's own access asks for confirmation; the last owner is kept with a message", async () => {
    const { tandem, browser } = suite;
    const contexts: BrowserContext[] = [];
    try {
      const camille = await openAs(tandem, contexts, owner, browser, "/docs");
      const { problems } = await watchProblems(camille, []);
      await camille.getByTestId("docs-new").click();
      await camille.getByTestId("docs-document").waitFor();
      await camille.getByTestId("docs-share").click();
      await share(camille, editor.email, "editor");
      const rows = camille.getByTestId("docs-share-access");
      await eventually(async () => expect(await rows.count()).toBe(2));

      // Someone else's access goes at once, without a question.
      await rows.filter({ hasText: editor.email }).getByTestId("docs-share-remove").click();
      await eventually(async () => expect(await rows.count()).toBe(1));
      expect(await camille.getByTestId("docs-share-leave-confirm").isVisible()).toBe(false);

      // One's own: a confirmation first; cancelling keeps it.
      await rows.filter({ hasText: owner.email }).getByTestId("docs-share-remove").click();
      const confirm = camille.getByTestId("docs-share-leave-confirm");
      await confirm.waitFor();
      await settle(camille);
      await expectNoSeriousViolations(camille, "the confirmation before removing one's own access");
      await camille.keyboard.press("Escape");
      await confirm.waitFor({ state: "hidden" });
      expect(await rows.count()).toBe(1);

      // Confirmed, the server refuses to remove the last owner and the dialog says why.
      await rows.filter({ hasText: owner.email }).getByTestId("docs-share-remove").click();
      await confirm.click();
      await eventually(async () =>
        expect(await camille.getByTestId("docs-share-notice").textContent()).toContain(
          "last owner",
        ),
      );
      expect(await rows.count()).toBe(1);
      expect(problems.filter((problem) => !/409/.test(problem))).toEqual([]);
    } finally {
      for (const context of contexts) await context.close();
    }
  });
});
