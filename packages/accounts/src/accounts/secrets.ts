import { createHash, randomBytes, randomInt, scrypt, timingSafeEqual } from "node:crypto";
import { promisify } from "node:util";
import { isCommonPassword } from "./commonPasswords.js";

const scryptAsync = promisify(scrypt) as (
  password: string,
  salt: Buffer,
  keylen: number,
  options: { N: number; r: number; p: number; maxmem: number },
) => Promise<Buffer>;

/** OWASP ASVS 5 minimum for scrypt: N = 2^17, r = 8, p = 1 (128 MiB, hence maxmem). */
const COST = { log2N: 17, r: 8, p: 1 };
const KEY_LENGTH = 32;

export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 128;

/**
 * Why a password's length is refused, or null. The length rules alone: a password to be
 * stored goes through `passwordRefusal`, which also checks the list of common passwords.
 */
export function passwordProblem(password: string): string | null {
  const length = [...password].length;
  if (length < PASSWORD_MIN) return `password must have at least ${PASSWORD_MIN} characters`;
  if (length > PASSWORD_MAX) return `password must have at most ${PASSWORD_MAX} characters`;
  return null;
}

/** Why a password is refused for storing (length, then the common-password list), or null. */
export async function passwordRefusal(password: string): Promise<string | null> {
  const problem = passwordProblem(password);
  if (problem) return problem;
  if (await isCommonPassword(password)) {
    return "this password is among the most common passwords; choose another";
  }
  return null;
}

/** `scrypt$<log2N>$<r>$<p>$<salt>$<hash>`: the parameters travel with the hash so they can rise later. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const { log2N, r, p } = COST;
  const hash = await derive(password.normalize("NFKC"), salt, log2N, r, p);
  return ["scrypt", log2N, r, p, salt.toString("base64url"), hash.toString("base64url")].join("$");
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, log2N, r, p, salt, hash] = stored.split("$");
  if (scheme !== "scrypt" || !salt || !hash) return false;
  const expected = Buffer.from(hash, "base64url");
  const actual = await derive(
    password.normalize("NFKC"),
    Buffer.from(salt, "base64url"),
    Number(log2N),
    Number(r),
    Number(p),
  );
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

function derive(password: string, salt: Buffer, log2N: number, r: number, p: number) {
  const N = 2 ** log2N;
  return scryptAsync(password, salt, KEY_LENGTH, { N, r, p, maxmem: 256 * N * r });
}

/** A random secret with a recognisable prefix, so leaked tokens can be found by scanners. */
export function newSecret(prefix: string): string {
  return `${prefix}${randomBytes(32).toString("base64url")}`;
}

/** Secrets are stored only as their SHA-256: a database leak does not leak usable tokens. */
export function digest(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}

/** A password a person can type from a terminal: 4 groups of 5 unambiguous characters. */
export function generatePassword(): string {
  const alphabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  const chars = Array.from({ length: 20 }, () => alphabet[randomInt(alphabet.length)]);
  return [0, 5, 10, 15].map((i) => chars.slice(i, i + 5).join("")).join("-");
}
