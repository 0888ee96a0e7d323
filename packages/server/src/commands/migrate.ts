import type { Command } from "commander";
import { withStorage } from "./withStorage.js";

export function registerMigrateCommand(program: Command) {
  program
    .command("migrate")
    .description("bring the database schema up to date (the server also does this at start)")
    .action(async () => {
      const applied = await withStorage(async (storage) => storage.applied);
      for (const m of applied) process.stdout.write(`applied ${m.module}/${m.name}\n`);
      process.stdout.write(
        applied.length ? "Database is up to date.\n" : "Database was already up to date.\n",
      );
    });
}
