/** The kernel's tables, as Kysely sees them. Timestamps are milliseconds since the epoch. */
export interface KernelTables {
  users: {
    id: string;
    email: string;
    name: string;
    role: "admin" | "member";
    password_hash: string | null;
    created_at: number;
    disabled_at: number | null;
  };
  personal_access_tokens: {
    id: string;
    user_id: string;
    name: string;
    token_hash: string;
    created_at: number;
    expires_at: number | null;
    last_used_at: number | null;
    revoked_at: number | null;
    /** What the token may be used for, a JSON array of TokenScope (migration 0003). */
    scopes: string;
  };
  sessions: {
    id: string;
    user_id: string;
    created_at: number;
    expires_at: number;
    last_seen_at: number;
  };
  /** One row per throttled account or network; see LoginThrottle. */
  login_throttle: {
    kind: "account" | "network";
    /**
     * SHA-256 of the normalised e-mail or of the network: no typed e-mail or address is kept.
     * An account's attempts from a known device or network count under a key of their own.
     */
    key: string;
    /** Failed attempts in this window, counting attempts still being checked. */
    failures: number;
    window_start: number;
    /** The block the latest counted failure set; doubles with each further one. */
    delay_ms: number;
    blocked_until: number | null;
    /** When the row may be forgotten: a window after its start, or after its block ends. */
    expires_at: number;
  };
  /**
   * Devices and networks each account has signed in from (migration 0005): failures from
   * elsewhere do not block a sign-in from them; see LoginThrottle.
   */
  login_known_sources: {
    /** SHA-256 of the normalised e-mail, as login_throttle's account key. */
    account: string;
    /** SHA-256 of `device:<the device cookie's id>` or `network:<the client network>`. */
    source: string;
    expires_at: number;
  };
}

export type UserRow = KernelTables["users"];
export type TokenRow = KernelTables["personal_access_tokens"];
export type LoginThrottleRow = KernelTables["login_throttle"];
