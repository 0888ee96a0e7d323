import type { z } from "zod";

/**
 * One configuration option: the environment variable that sets it, its schema
 * (which also carries the default) and the sentence that documents it.
 * The description is the single source of `docs/configuration.md`.
 */
export interface Option<S extends z.ZodType = z.ZodType> {
  env: string;
  schema: S;
  description: string;
}

/** A module's slice of the configuration: its option keys and their options. */
export type Slice = Record<string, Option>;

/** The typed values a slice parses to. */
export type SliceValues<S extends Slice> = { [K in keyof S]: z.output<S[K]["schema"]> };

export function option<S extends z.ZodType>(
  env: string,
  schema: S,
  description: string,
): Option<S> {
  return { env, schema, description };
}

/** Environment variables arrive as strings; an empty one means "not set". */
export const emptyAsUnset = (value: unknown) => (value === "" ? undefined : value);
