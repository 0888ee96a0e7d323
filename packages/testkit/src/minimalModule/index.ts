import { fileURLToPath } from "node:url";

export { createNotesModule, NOTE_KEPT_MS } from "./notesModule.js";
export { createNotesApi, declareNotesRoutes, NOTES_API } from "./notesRoutes.js";
export { NotesStore } from "./notesStore.js";

/**
 * The built CLI of a Tandem with the notes module (runCli's `entry`): built from this
 * folder's cli.ts by `npm run build`, like the server's own CLI.
 */
export const minimalModuleCliPath = fileURLToPath(
  new URL("../../dist/minimalModule/cli.js", import.meta.url),
);
