import { readFile } from "node:fs/promises";
import { renderConfigDocs } from "@tandem/kernel";
import { expect, test } from "vitest";
import { parseConfig, slices } from "./config.js";

test("docs/configuration.md is the one generated from the schema (run `npm run docs:config`)", async () => {
  const committed = await readFile(
    new URL("../../../docs/configuration.md", import.meta.url),
    "utf8",
  );
  expect(committed).toBe(renderConfigDocs(slices));
});

test("with no environment at all, Tandem runs on SQLite in ./data at port 8080", () => {
  const config = parseConfig({});
  expect(config.kernel).toMatchObject({
    port: 8080,
    dataDir: "./data",
    databaseUrl: undefined,
    redisUrl: undefined,
  });
});

test("the accounts' slice is merged beside the kernel's, from the same environment", () => {
  expect(parseConfig({}).accounts).toMatchObject({
    adminEmail: "admin@localhost",
    sessionMinutes: 720,
  });
  expect(parseConfig({ TANDEM_SESSION_MINUTES: "60" }).accounts.sessionMinutes).toBe(60);
});
