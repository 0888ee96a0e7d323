import { eventually } from "@tandem/testkit";
import type { BrowserContext, Locator, Page } from "playwright-core";
import { beforeAll, describe, expect, test } from "vitest";
import { expectNoSeriousViolations } from "./support/axe.js";
import { haveChromium, screenshot } from "./support/browser.js";
import {
  addUser,
  commentOn,
  newSharedDocument,
  openAs,
  openMarks,
  openThread,
  owner,
  resolvedMarks,
  thread,
} from "./support/docs.js";
import { settle } from "./support/flows.js";
import { useSuite } from "./support/tandem.js";

const TEXT = "Figures for the budget";
const WORD = "budget";
const QUESTION = "Is this the final figure?";

/** What has the keyboard focus, described for a failure message. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const element = document.activeElement;
    if (!element) return "nothing";
    const name = element.getAttribute("aria-label") ?? element.textContent?.slice(0, 40) ?? "";
    return `<${element.tagName.toLowerCase()} role=${element.getAttribute("role")}> ${name}`;
  });

const hasFocus = (target: Locator) =>
  target.evaluate((element) => element === document.activeElement);

/**
 * Presses Tab (or Shift+Tab) until `target` has the focus, as someone without a mouse would;
 * fails, listing where the focus went, if it never gets there.
 */
async function tabTo(page: Page, target: Locator, key = "Tab", most = 12): Promise<void> {
  const path: string[] = [];
  for (let presses = 0; presses < most; presses++) {
    await page.keyboard.press(key);
    if ((await target.count()) === 1 && (await hasFocus(target))) return;
    path.push(await focused(page));
  }
  throw new Error(`${key} never reached the element; the focus went:\n  ${path.join("\n  ")}`);
}

/**
 * Opens the thread on WORD (BlockNote opens a thread on a click only), then takes the mouse
 * away so nothing is hovered. The click may leave the commented word selected, whose formatting
 * toolbar would take the Tab key: Home puts the caret at the start of the line, which leaves
 * the thread open and the toolbar gone.
 */
async function openThreadThenLeave(page: Page): Promise<Locator> {
  await eventually(async () => expect(await openMarks(page).count()).toBe(1));
  const card = await openThread(page, QUESTION);
  await page.mouse.move(0, 0);
  await page.keyboard.press("Home");
  await page.locator(".bn-formatting-toolbar").waitFor({ state: "detached" });
  await card.waitFor();
  return card;
}

/** A thread's first comment, as a keyboard user lands on it: named after its author. */
const firstComment = (card: Locator, author: string) =>
  card.getByRole("article", { name: new RegExp(`^Comment, ${author}`) }).first();

/**
 * A comment's actions (react, resolve, re-open, more) from the keyboard: BlockNote shows them
 * only to a hovering mouse.
 */
describe.skipIf(!haveChromium)("docs: comment actions from the keyboard", () => {
  const suite = useSuite();
  beforeAll(async () => {
    await addUser(suite.tandem, owner);
  });

  test("a comment takes the focus, shows its actions, and resolves and reopens by keyboard", async () => {
    const { tandem, browser } = suite;
    const contexts: BrowserContext[] = [];
    try {
      const page = await openAs(tandem, contexts, owner, browser, "/docs");
      await newSharedDocument(page, TEXT, []);
      await commentOn(page, WORD, QUESTION);
      const card = await openThreadThenLeave(page);
      const comment = firstComment(card, owner.name);
      const resolve = card.getByRole("button", { name: "Resolve" });
      // BlockNote alone shows the actions to a hovering mouse only, so none are there yet.
      expect(await resolve.count()).toBe(0);

      // From the text, where the click left the caret, Tab reaches the comment.
      await tabTo(page, comment);
      await resolve.waitFor({ state: "visible" });
      await settle(page);
      await screenshot(page, "docs-comments-keyboard-focused-en");
      await expectNoSeriousViolations(page, "a focused comment showing its actions");

      // Tabbing on, into the comment's own buttons, keeps them shown; Enter resolves.
      await tabTo(page, resolve);
      await page.keyboard.press("Enter");
      await eventually(async () => expect(await resolvedMarks(page).count()).toBe(1));
      expect(await openMarks(page).count()).toBe(0);
      await thread(page, QUESTION).waitFor({ state: "hidden" });
      const toggle = page.getByTestId("docs-resolved-toggle");
      await eventually(async () => expect(await toggle.textContent()).toBe("Resolved comments: 1"));

      // The resolved list opens from the keyboard; its comment is the next stop after the toggle.
      await tabTo(page, toggle);
      await page.keyboard.press("Enter");
      const list = page.getByTestId("docs-resolved-threads");
      await list.getByText("Marked as resolved").waitFor();
      const resolved = firstComment(list, owner.name);
      const reopen = list.getByRole("button", { name: "Re-open" });
      expect(await reopen.count()).toBe(0);
      await tabTo(page, resolved);
      await reopen.waitFor({ state: "visible" });
      await tabTo(page, reopen);
      await page.keyboard.press(" ");
      await eventually(async () => expect(await openMarks(page).count()).toBe(1));
      await page.getByTestId("docs-resolved").waitFor({ state: "detached" });
    } finally {
      for (const context of contexts) await context.close();
    }
  });

  test("the actions leave once the focus leaves the comment", async () => {
    const { tandem, browser } = suite;
    const contexts: BrowserContext[] = [];
    try {
      const page = await openAs(tandem, contexts, owner, browser, "/docs");
      await newSharedDocument(page, TEXT, []);
      await commentOn(page, WORD, QUESTION);
      const card = await openThreadThenLeave(page);
      const comment = firstComment(card, owner.name);
      const actions = card.locator(".bn-thread-comment .bn-action-toolbar");
      await tabTo(page, comment);
      await actions.waitFor({ state: "visible" });
      // Back out of the comment, to the text before it: the actions go as a hover's would.
      await page.keyboard.press("Shift+Tab");
      expect(await hasFocus(comment)).toBe(false);
      await actions.waitFor({ state: "detached" });
      // A mouse still shows them as before, while it hovers the comment.
      await comment.hover();
      await actions.waitFor({ state: "visible" });
      await page.mouse.move(0, 0);
      await actions.waitFor({ state: "detached" });
      // A click leaves the focus inside the comment, but only the keyboard's focus shows them.
      await comment.click();
      await page.mouse.move(0, 0);
      await actions.waitFor({ state: "detached" });
    } finally {
      for (const context of contexts) await context.close();
    }
  });
});
