import { randomUUID } from "node:crypto";
import { type Database, InvalidRequest, TandemError } from "@tandem/kernel";
import { type Credential, Revocations } from "./Revocations.js";
import { digest, newSecret } from "./secrets.js";
import { type TokenScope, TokenScopes } from "./TokenScopes.js";
import { type SessionRow, TokenStore } from "./TokenStore.js";
import type { TokenRow, UserRow } from "./tables.js";

export const TOKEN_PREFIX = "tdm_pat_";

/** A session's last use is written at most this often: a list of sessions needs no more. */
const SESSION_TOUCH_MS = 60_000;

/** The request's token lacks the scope this endpoint needs. */
export class InsufficientScope extends TandemError {
  constructor(scope: TokenScope) {
    super(403, "insufficient_scope", `This access token lacks the "${scope}" scope.`);
  }
}

/** A personal access token as its owner sees it: everything but the secret and its digest. */
export interface TokenInfo {
  id: string;
  name: string;
  createdAt: number;
  expiresAt: number | null;
  lastUsedAt: number | null;
  scopes: TokenScope[];
}

/** Who a request acts for: a browser session or a personal access token. */
export interface Principal {
  user: UserRow;
  via: "session" | "token";
  /** When the user signed in, for a session: a provider asking for a fresh sign-in compares it. */
  signedInAt?: number;
  /** For a token: what it may be used for (see TokenScopes). */
  scopes?: string[];
  /** For an OpenID provider's access token: the app it was issued to. */
  clientId?: string;
  /** What authenticated the request: a connection kept open keeps it, to be ended with it. */
  credential?: Credential;
}

/**
 * Issues and checks the secrets that stand for a signed-in user. Every revocation is
 * published here (see Revocations), so connections that checked a secret once — an open
 * collaboration socket — end with it, on every instance.
 */
export class AccessService {
  readonly revocations: Revocations;
  /** The scopes a personal access token may carry, as the modules declared them. */
  readonly scopes: TokenScopes;
  readonly #tokens: TokenStore;
  readonly #sessionMs: number;

  constructor(
    database: Database,
    options: { sessionMinutes: number; revocations?: Revocations; scopes?: TokenScopes },
  ) {
    this.scopes = options.scopes ?? new TokenScopes();
    this.#tokens = new TokenStore(database);
    this.#sessionMs = options.sessionMinutes * 60_000;
    this.revocations = options.revocations ?? Revocations.offline();
  }

  /** A personal access token, returned in clear once; only its digest is kept. */
  async createToken(
    user: UserRow,
    options: { name?: string; expiresAt: number | null; scopes?: readonly TokenScope[] },
  ): Promise<{ token: string; id: string; expiresAt: number | null; scopes: TokenScope[] }> {
    const now = Date.now();
    if (options.expiresAt !== null && options.expiresAt <= now) {
      throw new InvalidRequest("expiry must be in the future");
    }
    const scopes = options.scopes
      ? this.scopes.pick(options.scopes)
      : this.scopes.defaultsFor(user);
    if (scopes.length === 0) throw new InvalidRequest("a token needs at least one scope");
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
      scopes: JSON.stringify(scopes),
    });
    return { token, id, expiresAt: options.expiresAt, scopes };
  }

  /** The token's owner and scopes, if the token is live; records its use. */
  async accessForToken(
    token: string,
  ): Promise<{ user: UserRow; scopes: TokenScope[]; credential: Credential } | undefined> {
    if (!token.startsWith(TOKEN_PREFIX)) return undefined;
    const hash = digest(token);
    const now = Date.now();
    const found = await this.#tokens.tokenAccess(hash, now);
    if (!found) return undefined;
    await this.#tokens.touchToken(hash, now);
    const credential: Credential = {
      accountId: found.user.id,
      kind: "token",
      id: found.id,
      expiresAt: found.expiresAt,
    };
    return { user: found.user, scopes: this.scopes.parse(found.scopes), credential };
  }

  /**
   * Whether a credential checked earlier still works: for connections kept open, so that
   * what was revoked where nothing could be published (the CLI) still reaches them.
   * An app's token is the identity module's: here only its account is checked.
   */
  async isLive(credential: Credential): Promise<boolean> {
    const now = Date.now();
    if (credential.expiresAt !== null && credential.expiresAt <= now) return false;
    if (credential.kind === "token") return this.#tokens.tokenLive(credential.id, now);
    if (credential.kind === "session") {
      const session = await this.#tokens.userForSession(credential.id, now);
      return session?.id === credential.accountId;
    }
    return this.#tokens.accountEnabled(credential.accountId);
  }

  /** The user's tokens that are not revoked, newest first. */
  async tokensOf(user: UserRow): Promise<TokenInfo[]> {
    return (await this.#tokens.tokensOf(user.id)).map((row) => tokenInfo(row, this.scopes));
  }

  /** Revokes one of the user's tokens at once; false when the user has no such live token. */
  async revokeToken(user: UserRow, id: string): Promise<boolean> {
    if (!(await this.#tokens.revokeToken(user.id, id, Date.now()))) return false;
    await this.revocations.publish({ accountId: user.id, kind: "token", id });
    return true;
  }

  /** The user's live sessions, most recently used first. */
  sessionsOf(user: UserRow): Promise<SessionRow[]> {
    return this.#tokens.sessionsOf(user.id, Date.now());
  }

  /** Ends the user's session whose public id (see `publicSessionId`) this is; false if none. */
  async endSessionOf(user: UserRow, publicId: string): Promise<boolean> {
    const session = (await this.sessionsOf(user)).find((s) => publicSessionId(s.id) === publicId);
    if (!session || !(await this.#tokens.deleteSessionOf(user.id, session.id))) return false;
    await this.revocations.publish({ accountId: user.id, kind: "session", id: session.id });
    return true;
  }

  /** Ends every session of the user except `keepSessionId` (the one asking, if any). */
  async endOtherSessionsOf(user: UserRow, keepSessionId: string | undefined): Promise<void> {
    await this.#tokens.deleteSessionsOfExcept(user.id, keepSessionId);
    await this.revocations.publish({ accountId: user.id, kind: "session", except: keepSessionId });
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

  async sessionFor(
    secret: string,
  ): Promise<{ user: UserRow; signedInAt: number; credential: Credential } | undefined> {
    const id = digest(secret);
    const now = Date.now();
    const row = await this.#tokens.userForSession(id, now);
    if (!row) return undefined;
    const {
      session_created_at: signedInAt,
      session_last_seen_at: lastSeenAt,
      session_expires_at: expiresAt,
      ...user
    } = row;
    // Checked here first so most requests write nothing; the store's condition settles races.
    if (now - lastSeenAt >= SESSION_TOUCH_MS) {
      await this.#tokens.touchSession(id, now, SESSION_TOUCH_MS);
    }
    return { user, signedInAt, credential: { accountId: user.id, kind: "session", id, expiresAt } };
  }

  async endSession(secret: string): Promise<void> {
    const id = digest(secret);
    const accountId = await this.#tokens.deleteSession(id);
    if (accountId) await this.revocations.publish({ accountId, kind: "session", id });
  }

  async revokeTokensOf(user: UserRow): Promise<void> {
    await this.#tokens.revokeTokensOf(user.id, Date.now());
    await this.revocations.publish({ accountId: user.id, kind: "token" });
  }

  async endSessionsOf(user: UserRow): Promise<void> {
    await this.#tokens.deleteSessionsOf(user.id);
    await this.revocations.publish({ accountId: user.id, kind: "session" });
  }

  /**
   * A disabled account: its sessions and tokens end, and every connection it holds closes,
   * whatever opened it (an app's access token too, which the provider revokes on its side).
   */
  async endEverythingOf(user: UserRow): Promise<void> {
    await this.#tokens.deleteSessionsOf(user.id);
    await this.#tokens.revokeTokensOf(user.id, Date.now());
    await this.revocations.publish({ accountId: user.id, kind: "account" });
  }

  /**
   * For an organisation that starts requiring a second factor: its members' sessions that
   * passed none end now, not at their expiry. Returns the accounts that lost one.
   */
  async endSessionsWithoutSecondFactor(userIds: readonly string[]): Promise<string[]> {
    const ended = await this.#tokens.deleteSessionsWithoutSecondFactor(userIds);
    for (const { id, accountId } of ended) {
      await this.revocations.publish({ accountId, kind: "session", id });
    }
    return [...new Set(ended.map((session) => session.accountId))];
  }

  async purgeExpiredSessions(): Promise<void> {
    await this.#tokens.deleteExpiredSessions(Date.now());
  }
}

/** A session's id is the digest of its secret: modules key what they keep per session by it. */
export function sessionIdOf(secret: string): string {
  return digest(secret);
}

/**
 * The id under which a session is shown and ended on the account page. The session id is
 * the key modules keep per-session state under, so it never leaves the server; this is a
 * digest of it, useless to find or forge a session with.
 */
export function publicSessionId(sessionId: string): string {
  return digest(`public session id:${sessionId}`).slice(0, 24);
}

function tokenInfo(row: TokenRow, scopes: TokenScopes): TokenInfo {
  return {
    id: row.id,
    name: row.name,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    lastUsedAt: row.last_used_at,
    scopes: scopes.parse(row.scopes),
  };
}
