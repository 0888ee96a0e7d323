import { randomUUID } from "node:crypto";
import { InvalidRequest } from "../errors/TandemError.js";
import type { Database } from "../storage/Database.js";
import { digest, newSecret } from "./secrets.js";
import { TokenStore } from "./TokenStore.js";
import type { UserRow } from "./tables.js";

export const TOKEN_PREFIX = "tdm_pat_";

/** Who a request acts for: a browser session or a personal access token. */
export interface Principal {
  user: UserRow;
  via: "session" | "token";
  /** When the user signed in, for a session: a provider asking for a fresh sign-in compares it. */
  signedInAt?: number;
}

/** Issues and checks the secrets that stand for a signed-in user. */
export class AccessService {
  readonly #tokens: TokenStore;
  readonly #sessionMs: number;

  constructor(database: Database, options: { sessionMinutes: number }) {
    this.#tokens = new TokenStore(database);
    this.#sessionMs = options.sessionMinutes * 60_000;
  }

  /** A personal access token, returned in clear once; only its digest is kept. */
  async createToken(
    user: UserRow,
    options: { name?: string; expiresAt: number | null },
  ): Promise<{ token: string; id: string; expiresAt: number | null }> {
    const now = Date.now();
    if (options.expiresAt !== null && options.expiresAt <= now) {
      throw new InvalidRequest("expiry must be in the future");
    }
    const token = newSecret(TOKEN_PREFIX);
    const id = randomUUID();
    await this.#tokens.insertToken({
      id,
      user_id: user.id,
      name: options.name ?? "personal access token",
      token_hash: digest(token),
      created_at: now,
      expires_at: options.expiresAt,
      last_used_at: null,
      revoked_at: null,
    });
    return { token, id, expiresAt: options.expiresAt };
  }

  async userForToken(token: string): Promise<UserRow | undefined> {
    if (!token.startsWith(TOKEN_PREFIX)) return undefined;
    const hash = digest(token);
    const now = Date.now();
    const user = await this.#tokens.userForToken(hash, now);
    if (user) await this.#tokens.touchToken(hash, now);
    return user;
  }

  /** A new session with a new id at every sign-in, so a planted id is never promoted. */
  async createSession(user: UserRow): Promise<{ id: string; secret: string; expiresAt: number }> {
    const secret = newSecret("");
    const now = Date.now();
    const expiresAt = now + this.#sessionMs;
    const id = sessionIdOf(secret);
    await this.#tokens.insertSession({
      id,
      user_id: user.id,
      created_at: now,
      expires_at: expiresAt,
      last_seen_at: now,
    });
    return { id, secret, expiresAt };
  }

  async sessionFor(secret: string): Promise<{ user: UserRow; signedInAt: number } | undefined> {
    const row = await this.#tokens.userForSession(digest(secret), Date.now());
    if (!row) return undefined;
    const { session_created_at: signedInAt, ...user } = row;
    return { user, signedInAt };
  }

  async endSession(secret: string): Promise<void> {
    await this.#tokens.deleteSession(digest(secret));
  }

  async revokeTokensOf(user: UserRow): Promise<void> {
    await this.#tokens.revokeTokensOf(user.id, Date.now());
  }

  async endSessionsOf(user: UserRow): Promise<void> {
    await this.#tokens.deleteSessionsOf(user.id);
  }

  async purgeExpiredSessions(): Promise<void> {
    await this.#tokens.deleteExpiredSessions(Date.now());
  }
}

/** A session's id is the digest of its secret: modules key what they keep per session by it. */
export function sessionIdOf(secret: string): string {
  return digest(secret);
}
