import { eventually, runCli } from "@tandem/testkit";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { expect } from "vitest";
import { newContext } from "./browser.js";
import { signIn, waitForShell } from "./flows.js";
import type { E2eTandem } from "./tandem.js";

export const owner = { email: "camille.owner@ministere.example", name: "Camille Owner" };
export const editor = { email: "dominique.editor@ministere.example", name: "Dominique Editor" };
export const reader = { email: "lou.reader@ministere.example", name: "Lou Reader" };
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

/** The editable (or read-only) ProseMirror surface inside the BlockNote view. */
export const surface = (page: Page) => page.getByTestId("docs-editor").locator(".ProseMirror");

export const editorText = async (page: Page) => (await surface(page).textContent()) ?? "";

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

export async function share(page: Page, email: string, role: "editor" | "reader") {
  await page.getByTestId("docs-share-email").fill(email);
  await page.getByTestId("docs-share-role").selectOption(role);
  await page.getByTestId("docs-share-add").click();
  await eventually(async () =>
    expect(await page.getByTestId("docs-share-notice").textContent()).toContain(email),
  );
}
