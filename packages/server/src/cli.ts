#!/usr/bin/env node
import { Command, CommanderError } from "commander";
import { CliError } from "./commands/CliError.js";
import { registerConfigCommands } from "./commands/config.js";
import { registerMigrateCommand } from "./commands/migrate.js";
import { registerModuleCommands } from "./commands/moduleCommands.js";
import { registerServeCommand } from "./commands/serve.js";
import { registerTokenCommands } from "./commands/token.js";
import { registerUserCommands } from "./commands/user.js";
import { createModules } from "./modules.js";
import { VERSION } from "./version.js";

/** `npm run tandem -- <command>`: every failure ends as one plain line on stderr and exit 1. */
const program = new Command("tandem")
  .description("Tandem: a sovereign digital workspace — server and administration commands")
  .version(VERSION)
  .showSuggestionAfterError(true)
  .exitOverride()
  .configureOutput({ outputError: (text, write) => write(`${text.split("\n")[0]?.trim()}\n`) });

registerServeCommand(program);
registerMigrateCommand(program);
registerUserCommands(program);
registerTokenCommands(program);

try {
  // Between the server's own, as `--help` has always listed them; none may take their names.
  registerModuleCommands(program, createModules(), { alsoReserved: ["config"] });
  registerConfigCommands(program);
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) {
    // Help and version exit through here with code 0; commander has printed the error line.
    process.exitCode = error.exitCode;
  } else {
    process.stderr.write(`tandem: ${CliError.lineOf(error)}\n`);
    process.exitCode = 1;
  }
}
