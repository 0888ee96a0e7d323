import type { AccountsModule } from "@tandem/accounts";
import { createNotesApi, declareNotesRoutes, NOTES_API } from "./notesRoutes.js";
import { NotesStore, notesMigrations } from "./notesStore.js";

const DAY_MS = 86_400_000;
/** A note is kept this long, then the purge job deletes it. */
export const NOTE_KEPT_MS = 30 * DAY_MS;

/**
 * A minimal module, the worked example of ARCHITECTURE.md's "Adding a module": built only on
 * the kernel's and accounts' package exports, it brings one of everything a module may
 * declare (a migration, a REST route, a job, an audit action, a token scope, a CLI command
 * group, a web app entry). Tests add it to the module list to check the server serves it all.
 */
export function createNotesModule(): AccountsModule {
  // Set by register(); the job reads it (the server runs jobs only once every module registered).
  let store: NotesStore | undefined;
  return {
    name: "notes",
    migrations: notesMigrations,
    paths: { rest: [NOTES_API] },
    auditActions: ["note_created"],
    // Its own scope: a token made for the notes reaches nothing else, and `api` alone not them.
    tokenScopes: [{ name: "notes", adminOnly: false, byDefault: "never" }],
    app: {
      id: "notes",
      path: "/notes",
      name: { en: "Notes", fr: "Notes", de: "Notizen" },
      icon: "notes",
    },
    jobs: [
      {
        name: "notes.purge",
        everyMs: DAY_MS,
        once: "cluster",
        run: async () => {
          if (!store) throw new Error("the notes module has not registered");
          await store.purgeBefore(Date.now() - NOTE_KEPT_MS);
        },
      },
    ],
    commands: [
      {
        name: "notes",
        description: "the notes module's data",
        define(command, tools) {
          command
            .command("count")
            .description("print how many notes are kept")
            .action(async () => {
              const count = await tools.withStorage(({ database }) =>
                new NotesStore(database).count(),
              );
              tools.print(`${count}\n`);
            });
        },
      },
    ],
    async register(http, context) {
      store = new NotesStore(context.database);
      declareNotesRoutes(createNotesApi(http, context.claims), {
        // Checked now: a scope no module declares stops the start.
        who: context.auth.scoped("notes"),
        store,
        audit: context.audit,
      });
    },
  };
}
