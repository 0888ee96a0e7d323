import type {
  AuthenticationResponseJSON,
  PublicKeyCredentialCreationOptionsJSON,
  PublicKeyCredentialRequestOptionsJSON,
  RegistrationResponseJSON,
} from "@simplewebauthn/server";
import { Conflict, type Database, NotFound, TandemError } from "@tandem/kernel";
import { digest } from "../accounts/secrets.js";
import type { UserRow } from "../accounts/tables.js";
import { PasskeyStore } from "./PasskeyStore.js";

/**
 * The WebAuthn library, loaded at the first passkey ceremony: it weighs about as much as
 * the rest of a server's idle memory, and most sign-ins never use it.
 */
const webauthn = () => import("@simplewebauthn/server");

import type { PasskeyRow, WebauthnChallengeRow } from "./tables.js";

const CEREMONY_MS = 5 * 60_000;
/**
 * EdDSA, ES256, RS256: what authenticators make. Named, not the library's default, whose
 * probe for post-quantum algorithms prints Node's experimental-feature warning.
 */
const ALGORITHMS = [-8, -7, -257];

/** A passkey ceremony's answer was refused: wrong challenge, origin, key or signature. */
export class InvalidPasskey extends TandemError {
  constructor(reason: string) {
    super(400, "invalid_passkey", `The passkey was not accepted: ${reason}.`);
  }
}

/** A passkey as its owner sees it: never the key itself. */
export interface PasskeyInfo {
  id: string;
  name: string;
  createdAt: number;
  lastUsedAt: number | null;
  /** Synced between devices (a platform's password manager) or bound to one. */
  synced: boolean;
}

export function presentPasskey(row: PasskeyRow): PasskeyInfo {
  return {
    id: row.id,
    name: row.name,
    createdAt: row.created_at,
    lastUsedAt: row.last_used_at,
    synced: row.device_type === "multiDevice",
  };
}

/**
 * WebAuthn (passkeys) with @simplewebauthn/server. The relying party is the public URL: its
 * hostname is the RP ID, its origin the only origin accepted. Every challenge is kept in the
 * database, single-use and short-lived, and looked up from the signed client data, so a
 * ceremony may start on one instance and finish on another.
 */
export class PasskeyService {
  readonly #store: PasskeyStore;
  readonly #rpId: string;
  readonly #origin: string;
  readonly #now: () => number;

  constructor(database: Database, options: { publicUrl: string; now?: () => number }) {
    this.#store = new PasskeyStore(database);
    const url = new URL(options.publicUrl);
    this.#rpId = url.hostname;
    this.#origin = url.origin;
    this.#now = options.now ?? Date.now;
  }

  async list(userId: string): Promise<PasskeyInfo[]> {
    return (await this.#store.passkeysOf(userId)).map(presentPasskey);
  }

  has(userId: string): Promise<boolean> {
    return this.#store.hasPasskeys(userId);
  }

  /** What `navigator.credentials.create` needs; the user's passkeys are excluded. */
  async registrationOptions(user: UserRow): Promise<PublicKeyCredentialCreationOptionsJSON> {
    const existing = await this.#store.passkeysOf(user.id);
    const options = await (await webauthn()).generateRegistrationOptions({
      rpName: "Tandem",
      rpID: this.#rpId,
      userName: user.email,
      userDisplayName: user.name,
      userID: new TextEncoder().encode(user.id),
      attestationType: "none",
      excludeCredentials: existing.map((p) => ({ id: p.id, transports: transportsOf(p) })),
      // Resident keys let the same passkey sign in without a password later.
      authenticatorSelection: { residentKey: "preferred", userVerification: "preferred" },
      timeout: CEREMONY_MS,
      supportedAlgorithmIDs: ALGORITHMS,
    });
    await this.#remember(options.challenge, user.id, "register");
    return options;
  }

  /** Checks the authenticator's attestation and keeps its public key under `name`. */
  async register(user: UserRow, name: string, response: RegistrationResponseJSON) {
    const challenge = await this.#take(response.response.clientDataJSON, "register");
    if (challenge.user_id !== user.id) throw new InvalidPasskey("the challenge is not yours");
    const verification = await (await webauthn())
      .verifyRegistrationResponse({
        response,
        expectedChallenge: challenge.challenge,
        expectedOrigin: this.#origin,
        expectedRPID: this.#rpId,
        requireUserVerification: false,
        supportedAlgorithmIDs: ALGORITHMS,
      })
      .catch((error: unknown) => refused(error));
    if (!verification.verified) throw new InvalidPasskey("the attestation did not verify");
    const { credential, credentialDeviceType, credentialBackedUp } = verification.registrationInfo;
    if (await this.#store.byId(credential.id)) throw new Conflict("this passkey is registered");
    const row: PasskeyRow = {
      id: credential.id,
      user_id: user.id,
      name: name.trim() || "Passkey",
      public_key: Buffer.from(credential.publicKey).toString("base64url"),
      counter: credential.counter,
      transports: JSON.stringify(credential.transports ?? []),
      device_type: credentialDeviceType,
      backed_up: credentialBackedUp ? 1 : 0,
      created_at: this.#now(),
      last_used_at: null,
    };
    await this.#store.insert(row);
    return presentPasskey(row);
  }

  /**
   * What `navigator.credentials.get` needs. For a user (the second step): their passkeys.
   * Without one (passwordless): any discoverable passkey, with user verification required.
   */
  async authenticationOptions(
    userId: string | null,
  ): Promise<PublicKeyCredentialRequestOptionsJSON> {
    const allowed = userId ? await this.#store.passkeysOf(userId) : [];
    const options = await (await webauthn()).generateAuthenticationOptions({
      rpID: this.#rpId,
      allowCredentials: allowed.map((p) => ({ id: p.id, transports: transportsOf(p) })),
      userVerification: userId ? "preferred" : "required",
      timeout: CEREMONY_MS,
    });
    await this.#remember(options.challenge, userId, "authenticate");
    return options;
  }

  /**
   * Checks an assertion: the challenge is live and was issued for `userId` (null: for a
   * passwordless sign-in, which then requires user verification), the passkey is known and
   * the signature and counter check. Returns the passkey and its owner, its use recorded.
   */
  async authenticate(userId: string | null, response: AuthenticationResponseJSON) {
    const challenge = await this.#take(response.response.clientDataJSON, "authenticate");
    if (challenge.user_id !== userId) throw new InvalidPasskey("the challenge is not for this");
    const passkey = await this.#store.byId(response.id);
    if (!passkey || (userId !== null && passkey.user_id !== userId)) {
      throw new InvalidPasskey("this passkey is not registered");
    }
    const handle = response.response.userHandle;
    if (handle && Buffer.from(handle, "base64url").toString("utf8") !== passkey.user_id) {
      throw new InvalidPasskey("this passkey belongs to another account");
    }
    const verification = await (await webauthn())
      .verifyAuthenticationResponse({
        response,
        expectedChallenge: challenge.challenge,
        expectedOrigin: this.#origin,
        expectedRPID: this.#rpId,
        credential: {
          id: passkey.id,
          publicKey: Buffer.from(passkey.public_key, "base64url"),
          counter: passkey.counter,
          transports: transportsOf(passkey),
        },
        requireUserVerification: userId === null,
      })
      .catch((error: unknown) => refused(error));
    if (!verification.verified) throw new InvalidPasskey("the signature did not verify");
    const { newCounter } = verification.authenticationInfo;
    if (!(await this.#store.recordUse(passkey.id, passkey.counter, newCounter, this.#now()))) {
      throw new InvalidPasskey("this passkey was used at the same time elsewhere");
    }
    return { passkey: presentPasskey(passkey), userId: passkey.user_id };
  }

  async rename(userId: string, id: string, name: string): Promise<void> {
    if (!(await this.#store.rename(userId, id, name.trim())))
      throw new NotFound("No such passkey.");
  }

  /** Removes one of the user's passkeys; the removed one, for the audit log. */
  async remove(userId: string, id: string): Promise<PasskeyInfo> {
    const passkey = await this.#store.byId(id);
    if (!passkey || passkey.user_id !== userId || !(await this.#store.delete(userId, id))) {
      throw new NotFound("No such passkey.");
    }
    return presentPasskey(passkey);
  }

  async #remember(challenge: string, userId: string | null, kind: WebauthnChallengeRow["kind"]) {
    await this.#store.insertChallenge({
      id: digest(challenge),
      user_id: userId,
      kind,
      expires_at: this.#now() + CEREMONY_MS,
    });
  }

  /** The live challenge the client data signed, used up; InvalidPasskey when there is none. */
  async #take(clientDataJSON: string, kind: WebauthnChallengeRow["kind"]) {
    const challenge = challengeIn(clientDataJSON);
    const row = challenge ? await this.#store.takeChallenge(digest(challenge), this.#now()) : null;
    if (!challenge || !row || row.kind !== kind) {
      throw new InvalidPasskey("the challenge is unknown, used or expired");
    }
    return { ...row, challenge };
  }
}

function challengeIn(clientDataJSON: string): string | undefined {
  try {
    const data: unknown = JSON.parse(Buffer.from(clientDataJSON, "base64url").toString("utf8"));
    const challenge = (data as { challenge?: unknown }).challenge;
    return typeof challenge === "string" && challenge.length <= 200 ? challenge : undefined;
  } catch {
    return undefined;
  }
}

function transportsOf(row: PasskeyRow): never[] {
  const parsed: unknown = JSON.parse(row.transports);
  return (Array.isArray(parsed) ? parsed.filter((t) => typeof t === "string") : []) as never[];
}

/** JavaScript's own faults, as the library's parsers throw them on bytes they did not expect. */
const FAULTS = [TypeError, RangeError, ReferenceError, SyntaxError, EvalError, URIError];

/**
 * The library's reasons are precise (origin, RP ID, counter…) and safe to show; a fault's
 * text ("Offset is outside the bounds of the DataView") is internal and never shown.
 */
function refused(error: unknown): never {
  if (error instanceof TandemError) throw error;
  const worded = error instanceof Error && !FAULTS.some((fault) => error instanceof fault);
  throw new InvalidPasskey(worded ? error.message.replace(/\.$/, "") : "its answer cannot be read");
}
