import { z } from "zod";

/**
 * One configuration option: the environment variable that sets it, its schema
 * (which also carries the default) and the sentence that describes it.
 * The description is the single source of `docs/configuration.md`.
 */
export interface Option<S extends z.ZodType = z.ZodType> {
  env: string;
  schema: S;
  description: string;
  /** Another option's variable: when that one is set, this one must be too. */
  requiredWith?: string;
}

/** A module's slice of the configuration: its option keys and their options. */
export type Slice = Record<string, Option>;

/** The typed values a slice parses to. */
export type SliceValues<S extends Slice> = { [K in keyof S]: z.output<S[K]["schema"]> };

export function option<S extends z.ZodType>(
  env: string,
  schema: S,
  description: string,
  rules: { requiredWith?: string } = {},
): Option<S> {
  return { env, schema, description, ...rules };
}

/**
 * A whole number within bounds, from an environment string. Parsed strictly: z.coerce
 * would read "" or "   " as 0, and PORT=0 silently picks a random port.
 */
export function wholeNumber(bounds: { min: number; max: number; default: number }) {
  return z
    .string()
    .regex(/^[+-]?\d+(\.\d+)?$/, { message: "must be a number" })
    .transform(Number)
    .pipe(
      z
        .number()
        .int({ message: "must be a whole number" })
        .min(bounds.min, {
          message: bounds.min === 0 ? "must not be negative" : `must be at least ${bounds.min}`,
        })
        .max(bounds.max, { message: `must be at most ${bounds.max}` }),
    )
    .default(bounds.default);
}

/** `true`/`false` (or `1`/`0`), from an environment string. */
export function flag(defaultValue: boolean) {
  return z
    .enum(["true", "false", "1", "0"], { message: "must be true or false" })
    .default(defaultValue ? "true" : "false")
    .transform((v) => v === "true" || v === "1");
}

/** A URL with one of the given schemes, e.g. `urlOf(["redis:", "rediss:"], "Redis")`. */
export function urlOf(protocols: string[], what: string) {
  return z.string().refine(
    (value) => {
      try {
        return protocols.includes(new URL(value).protocol);
      } catch {
        return false;
      }
    },
    { message: `must be a ${what} URL (${protocols.map((p) => `${p}//`).join(" or ")})` },
  );
}

/**
 * An e-mail address, bare or with a display name (`Tandem <tandem@example.org>`). A line
 * break is refused: the value goes into a message header.
 */
export function mailAddress() {
  return z.string().regex(/^(?:[^<>\r\n]*<[^\s@<>]+@[^\s@<>]+>|[^\s@<>]+@[^\s@<>]+)$/, {
    message: "must be an e-mail address, optionally with a name (`Tandem <tandem@example.org>`)",
  });
}
