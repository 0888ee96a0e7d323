#!/usr/bin/env node
import { createModules, runTandemCli } from "@tandem/server";
import { createNotesModule } from "./notesModule.js";

/** `tandem` as a build with the notes module would have it (testkit's minimalModuleCliPath). */
await runTandemCli([...createModules(), createNotesModule()]);
