import { accountsOptions } from "@tandem/accounts";
import { type ConfigOf, kernelOptions, loadConfig, type Slices } from "@tandem/kernel";
import { createModules } from "./modules.js";

/** Every slice of the configuration: the kernel's, then the accounts' every module builds on, then each module's. */
export const slices: Slices = {
  kernel: kernelOptions,
  accounts: accountsOptions,
  ...Object.fromEntries(createModules().flatMap((m) => (m.options ? [[m.name, m.options]] : []))),
};

export type TandemConfig = ConfigOf<{
  kernel: typeof kernelOptions;
  accounts: typeof accountsOptions;
}> &
  Record<string, Record<string, unknown>>;

/** Parses the environment once; throws ConfigError with the one line to print. */
export function parseConfig(env: NodeJS.ProcessEnv): TandemConfig {
  return loadConfig(slices, env) as TandemConfig;
}
