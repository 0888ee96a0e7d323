import { readdir, readFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { expect, test } from "vitest";

/**
 * The kernel is infrastructure only: a module's concept named here, even in a comment, is the
 * first step of its code coming back. Accounts and their sessions live in @tandem/accounts,
 * SCIM, consent and token scopes in identity, documents in docs. Fastify's own "scope" is
 * called an encapsulated plugin (or context) here, and an OpenAPI "document" a description,
 * so that no word is ambiguous. The kernel's integration tests (test/) are checked too: they
 * migrate fixtures of their own, never a module's history.
 */
const MODULE_WORDS = [
  /\baccounts?\b/i,
  /\bscim\b/i,
  /\bconsent\b/i,
  /\bdocuments?\b/i,
  /\bscopes?\b/i,
  /\bsessions?\b/i,
];

const SRC = fileURLToPath(new URL(".", import.meta.url));
const TESTS = fileURLToPath(new URL("../test/", import.meta.url));
const THIS_FILE = fileURLToPath(import.meta.url);

async function filesUnder(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .filter((path) => path !== THIS_FILE);
}

/** Each `file:line: word` where a module's word appears. */
async function moduleWordsIn(files: string[]): Promise<string[]> {
  const found: string[] = [];
  for (const file of files) {
    const lines = (await readFile(file, "utf8")).split("\n");
    lines.forEach((line, index) => {
      for (const word of MODULE_WORDS) {
        const match = word.exec(line);
        if (match) found.push(`${relative(SRC, file)}:${index + 1}: ${match[0]}`);
      }
    });
  }
  return found;
}

test("no file of the kernel names a module's concept", async () => {
  const files = [...(await filesUnder(SRC)), ...(await filesUnder(TESTS))];
  expect(files.length).toBeGreaterThan(20);
  expect(files.some((file) => file.endsWith("mailOutbox.test.ts"))).toBe(true);
  expect(await moduleWordsIn(files)).toEqual([]);
});

test("the check finds a module's word, naming the file, the line and the word", async () => {
  // The guard itself must be able to fail: this file's comment names every word it looks for.
  const found = await moduleWordsIn([THIS_FILE]);
  expect(found).toContain("kernelWords.test.ts:8: Accounts");
  for (const word of MODULE_WORDS) {
    const named = found.some((line) => word.test(line.slice(line.lastIndexOf(": ") + 2)));
    expect(named, String(word)).toBe(true);
  }
});
