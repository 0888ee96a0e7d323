import type { AccountsModule, AuditAction } from "@tandem/accounts";
import { type CommandTools, Declarations } from "@tandem/kernel";
import type { Command } from "commander";
import { parseConfig } from "../config.js";
import { CliError } from "./CliError.js";
import { readStdin, withStorage } from "./withStorage.js";

/**
 * Adds every module's command groups to the CLI. A name taken already (the server's
 * registered ones and `alsoReserved`, those it registers after) or by
 * another module, is refused in one line: which command would run would otherwise depend on
 * the order of the module list.
 */
export function registerModuleCommands(
  program: Command,
  modules: readonly AccountsModule[],
  options: { alsoReserved?: string[] } = {},
): void {
  const serverNames = [...program.commands.map((c) => c.name()), ...(options.alsoReserved ?? [])];
  const names = new Declarations<string>({
    refuse: (first, second) =>
      new CliError(`command ${second.value} is declared by both ${first.by} and ${second.by}`),
  }).addAll([...new Set(serverNames)].map((name) => ({ value: name, by: "the server" })));
  for (const module of modules) {
    for (const declared of module.commands ?? []) {
      names.add(declared.name, `the ${module.name} module`);
      const group = program.command(declared.name).description(declared.description);
      declared.define(group, toolsFor(module.name, modules));
    }
  }
}

/** `modules`: the CLI's whole list, so a command opens the database migrated for all of them. */
function toolsFor(moduleName: string, modules: readonly AccountsModule[]): CommandTools {
  return {
    withStorage: (work, audit) =>
      withStorage(
        (storage) =>
          work({
            database: storage.database,
            config: (parseConfig(process.env, modules)[moduleName] ?? {}) as never,
          }),
        // The audit log refuses an action it does not know when it records it.
        audit && { action: audit.action as AuditAction, subject: audit.subject },
        [...modules],
      ),
    readStdin,
    print: (text) => process.stdout.write(text),
    failure: (message) => new CliError(message),
  };
}
