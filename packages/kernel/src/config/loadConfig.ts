import { z } from "zod";
import { ConfigError } from "./ConfigError.js";
import type { Slice, SliceValues } from "./options.js";

export type Slices = Record<string, Slice>;
export type ConfigOf<S extends Slices> = { [M in keyof S]: SliceValues<S[M]> };

/** Variables that look like ours but are not are almost always typos; they stop the start. */
const OWN_PREFIX = "TANDEM_";

/**
 * Parses every module's slice from the environment, once, at start.
 * Fails with a ConfigError naming the variable and the reason.
 */
export function loadConfig<S extends Slices>(slices: S, env: NodeJS.ProcessEnv): ConfigOf<S> {
  const known = allOptions(slices).map((o) => o.env);
  for (const name of Object.keys(env)) {
    if (name.startsWith(OWN_PREFIX) && !known.includes(name)) {
      const hint = closest(name, known);
      throw new ConfigError(
        `${name} is not a Tandem option${hint ? ` (did you mean ${hint}?)` : ""}; see docs/configuration.md`,
      );
    }
  }
  const result: Record<string, Record<string, unknown>> = {};
  for (const [module, slice] of Object.entries(slices)) {
    const values: Record<string, unknown> = {};
    for (const [key, opt] of Object.entries(slice)) {
      const raw = env[opt.env];
      const parsed = opt.schema.safeParse(raw === "" ? undefined : raw);
      if (!parsed.success) {
        const reason = parsed.error.issues[0]?.message ?? "invalid value";
        const shown = raw === undefined ? "unset" : JSON.stringify(raw);
        throw new ConfigError(`${opt.env} is invalid: ${reason} (got ${shown})`);
      }
      if (parsed.data === undefined && opt.requiredWith && env[opt.requiredWith]) {
        throw new ConfigError(`${opt.env} must be set when ${opt.requiredWith} is`);
      }
      values[key] = parsed.data;
    }
    result[module] = values;
  }
  return result as ConfigOf<S>;
}

export function allOptions(slices: Slices) {
  return Object.values(slices).flatMap((slice) => Object.values(slice));
}

/** The closest known name within a small edit distance, to suggest a fix for a typo. */
function closest(name: string, candidates: string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = 4;
  for (const candidate of candidates) {
    const d = editDistance(name, candidate);
    if (d < bestDistance) {
      bestDistance = d;
      best = candidate;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(
        (previous[j] ?? 0) + 1,
        (current[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + cost,
      );
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/** Re-exported so modules write their slices with the same zod as the kernel. */
export { z };
