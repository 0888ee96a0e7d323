/**
 * A first, local check of an e-mail address before asking the server: something on each
 * side of a single `@`, no spaces. The server has the last word (discover answers 400).
 */
export function looksLikeEmail(value: string): boolean {
  return /^[^\s@]+@[^\s@]+$/.test(value);
}
