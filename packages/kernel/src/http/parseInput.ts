import type { z } from "zod";
import { InvalidRequest } from "../errors/TandemError.js";

/** Validates a request part against its zod schema; failures become `400 field: message`. */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const parsed = schema.safeParse(value ?? {});
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const field = issue?.path.join(".") || "body";
  throw new InvalidRequest(`${field}: ${issue?.message ?? "invalid"}`);
}
