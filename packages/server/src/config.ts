import { type ConfigOf, kernelOptions, loadConfig, type Slices } from "@tandem/kernel";
import { createModules } from "./modules.js";

/** Every module's slice of the configuration, kernel first. */
export const slices: Slices = {
  kernel: kernelOptions,
  ...Object.fromEntries(createModules().flatMap((m) => (m.options ? [[m.name, m.options]] : []))),
};

export type TandemConfig = ConfigOf<{ kernel: typeof kernelOptions }> &
  Record<string, Record<string, unknown>>;

/** Parses the environment once; throws ConfigError with the one line to print. */
export function parseConfig(env: NodeJS.ProcessEnv): TandemConfig {
  return loadConfig(slices, env) as TandemConfig;
}
