import type { AccountsModule } from "@tandem/accounts";
import { Command, CommanderError } from "commander";
import { VERSION } from "../version.js";
import { CliError } from "./CliError.js";
import { registerConfigCommands } from "./config.js";
import { registerMigrateCommand } from "./migrate.js";
import { registerModuleCommands } from "./moduleCommands.js";
import { registerServeCommand } from "./serve.js";
import { registerTokenCommands } from "./token.js";
import { registerUserCommands } from "./user.js";

/**
 * `tandem <command>` with these modules' command groups: every failure ends as one plain line
 * on stderr and exit 1. The server's own commands work on the build's list (createModules());
 * a test's build with a module of its own passes its list to reach that module's commands.
 */
export async function runTandemCli(
  modules: AccountsModule[],
  argv: string[] = process.argv,
): Promise<void> {
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
    registerModuleCommands(program, modules, { alsoReserved: ["config"] });
    registerConfigCommands(program);
    await program.parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version exit through here with code 0; commander has printed the error line.
      process.exitCode = error.exitCode;
    } else {
      process.stderr.write(`tandem: ${CliError.lineOf(error)}\n`);
      process.exitCode = 1;
    }
  }
}
