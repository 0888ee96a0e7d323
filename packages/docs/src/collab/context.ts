import type { Credential, UserRow } from "@tandem/accounts";
import type { Requester } from "../permissions/abilities.js";
import type { Role } from "../wire/enums.js";

/** What a collaboration connection knows of who is on the other end. */
export interface CollabContext {
  /** The browser session's account, resolved from the cookie at the upgrade. */
  cookieSession?: Promise<{ user: UserRow; credential: Credential } | null>;
  user: UserRow | null;
  /** What authenticated the connection (null for an anonymous visitor): it ends with it. */
  credential: Credential | null;
  requester: Requester | null;
  role: Role;
}

/** Close codes of the collaboration socket (4000–4999 are the application's). */
export const CLOSE = {
  /** Access to the document was removed while connected. */
  forbidden: 4403,
  /** The session or token behind the connection was revoked or expired, or its account disabled. */
  unauthorized: 4401,
  /** A message the server could not read. */
  malformed: 4400,
} as const;
