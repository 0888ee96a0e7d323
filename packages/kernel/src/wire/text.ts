import { z } from "zod";

/**
 * C0 control characters and DEL, but tab, line feed and carriage return: nothing a reader
 * sees or types. NUL among them cannot be stored in PostgreSQL's text at all.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding them is the point.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

/** The text without its invisible control characters (tab and line breaks stay). */
export function withoutControlCharacters(value: string): string {
  return value.replace(CONTROL, "");
}

/**
 * A text field of a request (a title, a name, an icon): control characters are taken out
 * before the field's own checks run, so a name of "\u0007" is as empty as "" —
 * `text(z.string().trim().min(1).max(200))`. NUL never gets here (the HTTP edge refuses
 * it: nulGuard); the others would otherwise be stored as they came.
 */
export function text<S extends z.ZodType<unknown, string>>(checks: S) {
  // preprocess, not transform + pipe: the OpenAPI description (io: "input") keeps the checks.
  return z.preprocess(
    (value) => (typeof value === "string" ? withoutControlCharacters(value) : value),
    checks,
  );
}
