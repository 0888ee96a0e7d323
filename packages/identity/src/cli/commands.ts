import type { ModuleCommand } from "@tandem/kernel";
import { clientCommand } from "./clientCommand.js";
import { idpCommand } from "./idpCommand.js";
import { keysCommand } from "./keysCommand.js";
import { orgCommand } from "./orgCommand.js";

/** Identity's CLI command groups, in the order `tandem --help` lists them. */
export const identityCommands: readonly ModuleCommand[] = [
  clientCommand,
  orgCommand,
  idpCommand,
  keysCommand,
];
