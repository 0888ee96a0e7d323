import { eventually, runCli } from "@tandem/testkit";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { expect } from "vitest";
import { newContext } from "./browser.js";
import { signIn, waitForShell } from "./flows.js";
import type { E2eTandem } from "./tandem.js";

export const owner = { email: "camille.owner@ministere.example", name: "Camille Owner" };
export const editor = { email: "dominique.editor@ministere.example", name: "Dominique Editor" };
export const reader = { email: "lou.reader@ministere.example", name: "Lou Reader" };
export const commenter = { email: "sacha.commenter@ministere.example", name: "Sacha Commenter" };
export const PASSWORD = "a shared passphrase for the docs test";

export async function addUser(tandem: E2eTandem, person: { email: string; name: string }) {
  const added = await runCli(
    ["user", "add", "--email", person.email, "--name", person.name, "--password-stdin"],
    tandem.env,
    { stdin: PASSWORD },
  );
  expect(added.code, added.stderr).toBe(0);
}

export async function openAs(
  tandem: E2eTandem,
  contexts: BrowserContext[],
  person: { email: string },
  browser: Browser,
  path: string,
  look: Parameters<typeof newContext>[1] = { language: "en", theme: "light" },
): Promise<Page> {
  const context = await newContext(browser, look);
  contexts.push(context);
  const page = await context.newPage();
  await page.goto(`${tandem.url}${path}`);
  await signIn(page, person.email, PASSWORD);
  await waitForShell(page);
  return page;
}

/**
 * The editable (or read-only) ProseMirror surface inside the BlockNote view. Comment threads
 * have editors of their own, rendered after it, hence the first.
 */
export const surface = (page: Page) =>
  page.getByTestId("docs-editor").locator(".ProseMirror").first();

/** The document's text as shown, without other people's cursors (which carry their name). */
export const editorText = (page: Page) =>
  surface(page).evaluate((root) => {
    const copy = root.cloneNode(true) as HTMLElement;
    for (const cursor of copy.querySelectorAll(".bn-collaboration-cursor__base")) cursor.remove();
    return copy.textContent ?? "";
  });

/**
 * Where a word of the text is on screen, found around other people's cursors, which sit inside
 * the text and carry their name.
 */
async function wordBox(page: Page, word: string) {
  const box = await surface(page).evaluate((root, wanted) => {
    // The text as read, without the cursors' labels: a cursor inside the word splits its text
    // node in two, so the word is looked for across the nodes, and measured from its first
    // character's node to its last's.
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    const nodes: { node: Text; start: number }[] = [];
    let text = "";
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.parentElement?.closest(".bn-collaboration-cursor__base")) continue;
      nodes.push({ node: node as Text, start: text.length });
      text += node.textContent ?? "";
    }
    const at = text.indexOf(wanted);
    if (at < 0) return null;
    const end = at + wanted.length;
    const first = nodes.findLast((n) => n.start <= at);
    const last = nodes.findLast((n) => n.start < end);
    if (!first || !last) return null;
    const range = document.createRange();
    range.setStart(first.node, at - first.start);
    range.setEnd(last.node, end - last.start);
    const { x, y, width, height } = range.getBoundingClientRect();
    return { x, y, width, height };
  }, word);
  if (!box) throw new Error(`"${word}" is not in the text`);
  return box;
}

/** Double-clicks a word, which selects it: aimed at the word, not at its paragraph's middle. */
export async function selectWord(page: Page, word: string): Promise<void> {
  const box = await wordBox(page, word);
  await page.mouse.dblclick(box.x + box.width / 2, box.y + box.height / 2);
}

/**
 * Puts the caret at the start of a word's line: a click on the word (not on a comment mark,
 * where a click opens the thread and leaves the selection as it was), then Home.
 */
export async function caretBefore(page: Page, word: string): Promise<void> {
  const box = await wordBox(page, word);
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  await page.keyboard.press("Home");
}

/** Another person's cursor, as BlockNote labels it with their name. */
export const cursorLabel = (page: Page, name: string) =>
  page.locator(".bn-collaboration-cursor__label", { hasText: name });

/** All the Yjs updates y-indexeddb keeps for a document in this browser, read as text. */
export function storedText(page: Page, documentId: string): Promise<string> {
  return page.evaluate(async (id) => {
    const names = (await indexedDB.databases()).map((db) => db.name ?? "");
    const name = names.find((n) => n.endsWith(`:${id}`));
    if (!name) return "";
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open(name);
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const updates = await new Promise<unknown[]>((resolve, reject) => {
      const all = db.transaction("updates").objectStore("updates").getAll();
      all.onsuccess = () => resolve(all.result);
      all.onerror = () => reject(all.error);
    });
    db.close();
    const decoder = new TextDecoder();
    return updates.map((u) => decoder.decode(u as Uint8Array)).join("");
  }, documentId);
}

export async function waitSaved(page: Page) {
  await eventually(async () =>
    expect(await page.getByTestId("docs-connection").getAttribute("data-state")).toBe("saved"),
  );
}

export type Role = "editor" | "commenter" | "reader";

export async function share(page: Page, email: string, role: Role) {
  await page.getByTestId("docs-share-email").fill(email);
  await page.getByTestId("docs-share-role").selectOption(role);
  await page.getByTestId("docs-share-add").click();
  await eventually(async () =>
    expect(await page.getByTestId("docs-share-notice").textContent()).toContain(email),
  );
}

/** A new document holding `text`, shared with each person in their role; returns its id. */
export async function newSharedDocument(
  page: Page,
  text: string,
  people: { email: string; role: Role }[],
): Promise<string> {
  await page.getByTestId("docs-new").click();
  await page.getByTestId("docs-document").waitFor();
  const id = await page.getByTestId("docs-document").getAttribute("data-document-id");
  if (!id) throw new Error("the new document has no id");
  await surface(page).click();
  await page.keyboard.type(text);
  await waitSaved(page);
  await page.getByTestId("docs-share").click();
  for (const person of people) await share(page, person.email, person.role);
  await page.keyboard.press("Escape");
  await page.getByTestId("docs-share-dialog").waitFor({ state: "hidden" });
  return id;
}

/** The document's text as the server has it, read through the REST API with the page's session. */
export async function serverText(page: Page, documentId: string): Promise<string> {
  const response = await page.request.get(
    new URL(`/api/docs/v1/documents/${documentId}/export?format=markdown`, page.url()).href,
  );
  expect(response.status()).toBe(200);
  return response.text();
}

/** Comment marks whose thread is open; a resolved thread's mark stays, marked as an orphan. */
export const openMarks = (page: Page) =>
  surface(page).locator('.bn-thread-mark:not([data-orphan="true"])');
export const resolvedMarks = (page: Page) =>
  surface(page).locator('.bn-thread-mark[data-orphan="true"]');

/** A thread card (floating, or in the resolved list), found by the text of one of its comments. */
export const thread = (page: Page, text: string) => page.locator(".bn-thread", { hasText: text });

/** Selects a word and comments on it (English labels). */
export async function commentOn(page: Page, word: string, comment: string): Promise<void> {
  await selectWord(page, word);
  await page.locator(".bn-formatting-toolbar").getByRole("button", { name: "Add comment" }).click();
  const composer = page.locator(".bn-thread .bn-comment-editor [contenteditable=true]");
  await composer.click();
  await page.keyboard.type(comment);
  await page.locator(".bn-thread").getByRole("button", { name: "Save" }).click();
  await thread(page, comment).waitFor({ state: "hidden" });
}

/**
 * Opens the thread anchored on the first open mark. A click can be lost while a thread settles:
 * when its mark arrives before the thread itself, BlockNote marks it orphaned for a moment and
 * drops the selection, so the click is tried again until the thread shows.
 */
export async function openThread(page: Page, text: string) {
  const card = thread(page, text);
  let attempts = 0;
  await eventually(
    async () => {
      if (await card.isVisible()) return;
      if (attempts++ > 0) {
        // BlockNote ignores a click on the mark of the thread it holds as selected, even when
        // its card is closed: a click on the text's empty end deselects it first.
        const box = await surface(page).boundingBox();
        if (box) await page.mouse.click(box.x + box.width - 4, box.y + box.height - 4);
      }
      await openMarks(page).first().click({ timeout: 2_000 });
      await card.waitFor({ timeout: 2_000 });
    },
    { timeoutMs: 20_000 },
  );
  return card;
}

/** Types a reply in an open thread's reply box and saves it (English labels). */
export async function reply(page: Page, text: string, answer: string): Promise<void> {
  const card = thread(page, text);
  await card.locator(".bn-thread-composer [contenteditable=true]").click();
  await page.keyboard.type(answer);
  await card.getByRole("button", { name: "Save" }).click();
}

/**
 * Points at a thread's first comment, which shows its actions (react, resolve, more) while
 * hovered, and returns that toolbar; it is there, if empty, for someone who may do nothing.
 */
export async function firstCommentActions(page: Page, text: string) {
  const first = thread(page, text).locator(".bn-thread-comment").first();
  await first.hover();
  const actions = first.locator(".bn-action-toolbar");
  await actions.waitFor({ state: "attached" });
  return actions;
}

/** Nothing a reader or a commenter types reaches the text: not on screen, not on the server. */
export async function expectTypingChangesNothing(
  page: Page,
  owners: Page,
  id: string,
  /** The word to select, and the first word of its line. */
  words: { select: string; first: string },
) {
  const before = await editorText(page);
  await surface(page).click();
  await page.keyboard.type("Typed by someone who may not");
  await page.keyboard.press("Backspace");
  await selectWord(page, words.select);
  await page.keyboard.press("Delete");
  expect(await editorText(page)).toBe(before);
  // The owner's edit, made after those keystrokes, is a marker: once the server has it and it
  // came back to this page, anything this page had sent before would be on the server too.
  await caretBefore(owners, words.first);
  await owners.keyboard.type("Draft: ");
  const marked = `Draft: ${words.first}`;
  await eventually(async () => expect(await serverText(owners, id)).toContain(marked));
  await eventually(async () => expect(await editorText(page)).toContain(marked));
  expect(await serverText(owners, id)).not.toContain("Typed by");
  expect(await serverText(owners, id)).toContain(words.select);
  expect(await editorText(page)).not.toContain("Typed by");
}
