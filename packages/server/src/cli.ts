#!/usr/bin/env node
import { runTandemCli } from "./commands/program.js";
import { createModules } from "./modules.js";

/** `npm run tandem -- <command>`: this build's CLI, with its modules' command groups. */
await runTandemCli(createModules());
