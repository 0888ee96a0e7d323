// The server imports this instead of guessing a path, so the built SPA can move with the package.
import { fileURLToPath } from "node:url";

/** Absolute path of the built single-page app (`packages/web/dist/`), with a trailing slash. */
export const webRoot = fileURLToPath(new URL("./dist/", import.meta.url));
