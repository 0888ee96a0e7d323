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
    /**
     * What the token may do: take the second step, or (the account's organisation requires a
     * second factor it does not have yet) enrol one and nothing else.
     */
    purpose: ChallengePurpose;
  };
  /** WebAuthn credentials ("passkeys"), several per account. */
  mfa_passkeys: {
    /** The credential id, base64url, as the authenticator made it. */
    id: string;
    user_id: string;
    /** The name its owner gave it, e.g. "Laptop". */
    name: string;
    /** The COSE public key, base64url. */
    public_key: string;
    /** The authenticator's signature counter, for clone detection (0 when it keeps none). */
    counter: number;
    /** JSON array of transports the browser reported ("internal", "usb", "hybrid"…). */
    transports: string;
    /** "singleDevice" or "multiDevice" (synced). */
    device_type: string;
    backed_up: number;
    created_at: number;
    last_used_at: number | null;
  };
  /** WebAuthn challenges handed out: single-use, short-lived, in the DB so any instance checks. */
  mfa_webauthn_challenges: {
    /** SHA-256 of the challenge (base64url) as the browser signs it. */
    id: string;
    /** Whose ceremony this is; null for a passwordless sign-in, where the passkey tells. */
    user_id: string | null;
    kind: "register" | "authenticate";
    expires_at: number;
  };
  /** Sessions completed with a second factor, so the OpenID provider can state it. */
  mfa_sessions: {
    session_id: string;
    user_id: string;
    method: "totp" | "recovery_code" | "passkey" | "passwordless_passkey";
    created_at: number;
  };
}

export type TotpRow = MfaTables["mfa_totp"];
export type SecondFactorMethod = MfaTables["mfa_sessions"]["method"];
export type ChallengePurpose = "second_factor" | "enrolment";
export type PasskeyRow = MfaTables["mfa_passkeys"];
export type WebauthnChallengeRow = MfaTables["mfa_webauthn_challenges"];
