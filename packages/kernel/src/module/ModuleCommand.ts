import type { Command } from "commander";
import type { Slice, SliceValues } from "../config/options.js";
import type { Database } from "../storage/Database.js";

/** What a command records in the security audit log, success or failure (actor: the CLI). */
export interface CommandAudit<T> {
  /** One of the audit log's actions. */
  action: string;
  subject: string | ((result: T) => string);
}

/** What the server's CLI hands a module's command when it runs. */
export interface CommandTools<S extends Slice = Slice> {
  /**
   * Runs `work` on the configured, migrated database, then closes it; with `audit`, the
   * outcome goes to the security audit log. `config` is the module's own slice.
   */
  withStorage<T>(
    work: (storage: { database: Database; config: SliceValues<S> }) => Promise<T>,
    audit?: CommandAudit<T>,
  ): Promise<T>;
  /** A secret piped on standard input (`--client-secret-stdin`), without its final newline. */
  readStdin(): Promise<string>;
  /** Writes to standard output (what a script reads: JSON, a sentence). */
  print(text: string): void;
  /** A failure worded for the operator: throw it to print it as one line and exit 1. */
  failure(message: string): Error;
}

/**
 * A CLI command group a module adds (`tandem client …`). The server refuses two modules, or a
 * module and itself, declaring the same name. `define` adds its subcommands to `command`,
 * made by the CLI with this name and description.
 */
export interface ModuleCommand<S extends Slice = Slice> {
  name: string;
  description: string;
  define(command: Command, tools: CommandTools<S>): void;
}
