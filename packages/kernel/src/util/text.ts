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
 * before the other checks run, so a title of "\u0007" is as empty as "". NUL never gets
 * here (the HTTP edge refuses it: nulGuard); these others would be stored as they came.
 */
export function text() {
  return z.string().transform(withoutControlCharacters).pipe(z.string());
}
