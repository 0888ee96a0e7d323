/** The mfa module's tables, as Kysely sees them. Timestamps are milliseconds since the epoch. */
export interface MfaTables {
  /** At most one authenticator app per account; unconfirmed until a first code proves it. */
  mfa_totp: {
    user_id: string;
    /** The shared secret in base32, as the app was given it (not encrypted at rest, yet). */
    secret: string;
    created_at: number;
    /** Null while enrolment waits for its first code: such a row does not protect sign-in. */
    confirmed_at: number | null;
    /** The last 30-second step whose code was accepted: it and older steps are refused. */
    last_used_step: number | null;
  };
  /** Single-use codes for when the app is lost; only their SHA-256 is kept. */
  mfa_recovery_codes: {
    id: string;
    user_id: string;
    code_hash: string;
    created_at: number;
    used_at: number | null;
  };
  /** A password step passed, the second step pending: opaque, single-use, short-lived. */
  mfa_challenges: {
    /** SHA-256 of the token handed to the browser. */
    id: string;
    user_id: string;
    expires_at: number;
  };
  /** Sessions completed with a second factor, so the OpenID provider can state it. */
  mfa_sessions: {
    session_id: string;
    user_id: string;
    method: "totp" | "recovery_code";
    created_at: number;
  };
}

export type TotpRow = MfaTables["mfa_totp"];
export type SecondFactorMethod = MfaTables["mfa_sessions"]["method"];
