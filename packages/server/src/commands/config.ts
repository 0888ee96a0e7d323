import { renderConfigDocs } from "@tandem/kernel";
import type { Command } from "commander";
import { parseConfig, slices } from "../config.js";

export function registerConfigCommands(program: Command) {
  const config = program.command("config").description("inspect the configuration");

  config
    .command("check")
    .description("validate the environment's configuration without starting")
    .action(() => {
      parseConfig(process.env);
      process.stdout.write("Configuration is valid.\n");
    });

  config
    .command("docs")
    .description("print docs/configuration.md, generated from the schema")
    .action(() => {
      process.stdout.write(renderConfigDocs(slices));
    });
}
