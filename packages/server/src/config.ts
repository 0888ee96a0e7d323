import { type AccountsModule, accountsOptions } from "@tandem/accounts";
import { type ConfigOf, kernelOptions, loadConfig, type Slices } from "@tandem/kernel";
import { createModules } from "./modules.js";

/**
 * The slices of the configuration these modules read: the kernel's, then the accounts' every
 * module builds on, then each module's.
 */
export function slicesOf(modules: readonly AccountsModule[]): Slices {
  return {
    kernel: kernelOptions,
    accounts: accountsOptions,
    ...Object.fromEntries(modules.flatMap((m) => (m.options ? [[m.name, m.options]] : []))),
  };
}

/** Every module's slice of the configuration. */
export const slices: Slices = slicesOf(createModules());

export type TandemConfig = ConfigOf<{
  kernel: typeof kernelOptions;
  accounts: typeof accountsOptions;
}> &
  Record<string, Record<string, unknown>>;

/**
 * Parses the environment once; throws ConfigError with the one line to print. `modules`:
 * another build's list (a test's, with a module of its own), whose slices are read too.
 */
export function parseConfig(
  env: NodeJS.ProcessEnv,
  modules?: readonly AccountsModule[],
): TandemConfig {
  return loadConfig(modules ? slicesOf(modules) : slices, env) as TandemConfig;
}
