import type { ModuleCommand, TandemModule } from "@tandem/kernel";
import { Command } from "commander";
import { describe, expect, test } from "vitest";
import { registerModuleCommands } from "./moduleCommands.js";

const command = (name: string): ModuleCommand => ({
  name,
  description: `the ${name} command`,
  define(group) {
    group.command("list").action(() => {});
  },
});

const module = (name: string, commands: ModuleCommand[]): TandemModule => ({ name, commands });

function program() {
  const made = new Command("tandem");
  made.command("serve");
  return made;
}

describe("modules' CLI commands", () => {
  test("each module's command groups join the program with their subcommands", () => {
    const made = program();
    registerModuleCommands(made, [module("a", [command("alpha")]), module("b", [command("beta")])]);
    const names = made.commands.map((c) => c.name());
    expect(names).toEqual(["serve", "alpha", "beta"]);
    const alpha = made.commands.find((c) => c.name() === "alpha");
    expect(alpha?.description()).toBe("the alpha command");
    expect(alpha?.commands.map((c) => c.name())).toEqual(["list"]);
  });

  test("two modules declaring one name are refused in one line", () => {
    expect(() =>
      registerModuleCommands(program(), [
        module("a", [command("alpha")]),
        module("b", [command("alpha")]),
      ]),
    ).toThrow(/^command alpha is declared by both the a module and the b module$/);
  });

  test("a module cannot take the server's names, those registered and those reserved", () => {
    expect(() => registerModuleCommands(program(), [module("a", [command("serve")])])).toThrow(
      "command serve is declared by both the server and the a module",
    );
    expect(() =>
      registerModuleCommands(program(), [module("a", [command("config")])], {
        alsoReserved: ["config"],
      }),
    ).toThrow("command config is declared by both the server and the a module");
  });
});
