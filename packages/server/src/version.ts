import { readFileSync } from "node:fs";

/** The version in the server's package.json, reported by `--version` and to peer instances. */
export const VERSION: string = JSON.parse(
  readFileSync(new URL("../package.json", import.meta.url), "utf8"),
).version;
