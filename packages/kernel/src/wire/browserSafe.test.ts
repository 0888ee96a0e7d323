import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, test } from "vitest";

const packages = new URL("../../../", import.meta.url).pathname;

/** Every file of every module's src/wire/, which the web app bundles. */
function wireFiles(): string[] {
  return readdirSync(packages).flatMap((name) => {
    const folder = join(packages, name, "src/wire");
    try {
      return readdirSync(folder, { recursive: true, encoding: "utf8" })
        .filter((file) => file.endsWith(".ts") && !file.endsWith(".test.ts"))
        .map((file) => join(folder, file));
    } catch {
      return [];
    }
  });
}

test("wire shapes import only zod, other wire shapes and each other (the browser bundles them)", () => {
  const files = wireFiles();
  expect(files.length).toBeGreaterThan(3);
  for (const file of files) {
    const source = readFileSync(file, "utf8");
    for (const [, from] of source.matchAll(/\bfrom\s+"([^"]+)"/g)) {
      expect(from, file).toMatch(/^(zod|@tandem\/[\w-]+\/wire|\.\/[\w.-]+\.js)$/);
    }
  }
});
