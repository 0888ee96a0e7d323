import { ConfigError, MigrationFailed, reasonOf, TandemError } from "@tandem/kernel";
import { PortInUse } from "../startup/portProbe.js";

/** A failure worded for the operator: printed as one line, exit 1. */
export class CliError extends Error {
  override name = "CliError";

  /** The one line to print: known failures as they are worded, anything else with its message. */
  static lineOf(error: unknown): string {
    const expected =
      error instanceof CliError ||
      error instanceof ConfigError ||
      error instanceof TandemError ||
      error instanceof MigrationFailed ||
      error instanceof PortInUse;
    const line = expected ? (error as Error).message : `unexpected error: ${reasonOf(error)}`;
    return line.replace(/\s*\n\s*/g, " ");
  }
}
