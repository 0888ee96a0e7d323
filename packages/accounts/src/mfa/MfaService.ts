import { Conflict, type Database, InvalidCredentials, TandemError } from "@tandem/kernel";
import { digest, newSecret } from "../accounts/secrets.js";
import type { UserRow } from "../accounts/tables.js";
import { MfaStore } from "./MfaStore.js";
import { PasskeyStore } from "./PasskeyStore.js";
import type { ChallengePurpose, SecondFactorMethod } from "./tables.js";
import {
  looksLikeTotp,
  matchingStep,
  newRecoveryCode,
  newTotpSecret,
  normaliseRecoveryCode,
  otpauthUrlOf,
  RECOVERY_CODE_COUNT,
} from "./totp.js";

const CHALLENGE_MS = 5 * 60_000;
/** Enrolling takes installing an app or finding a security key: more time than a code. */
const ENROLMENT_MS = 15 * 60_000;

/** The ways an account can take the second step, as the password step announces them. */
export type SecondStepMethod = "totp" | "passkey";

/** The sign-in's second step came with a challenge that is unknown, used or expired: start over. */
export class InvalidChallenge extends TandemError {
  constructor() {
    super(401, "invalid_challenge", "This sign-in has expired. Start again with your e-mail.");
  }
}

/** A wrong code is a wrong credential: LoginThrottle counts it like a wrong password. */
export class InvalidCode extends InvalidCredentials {
  constructor() {
    super("The authentication code is wrong.");
  }
}

/**
 * The throttle's key for an account's wrong codes, apart from its wrong passwords: else the
 * right password, which clears the account's count, would buy a guesser five more codes.
 */
export function codeThrottleKey(userId: string): string {
  return `totp:${userId}`;
}

export interface MfaStatus {
  totp: { enabled: boolean; confirmedAt: number | null };
  recoveryCodesLeft: number;
}

export interface MfaServiceOptions {
  /** The clock, for tests: codes are checked against it. */
  now?: () => number;
}

/**
 * The rules for second factors (OWASP ASVS 5, V6): an authenticator app (TOTP, RFC 6238) that
 * a first code must confirm; each code accepted once, so a code seen over a shoulder or
 * replayed within its window is refused; ten single-use recovery codes kept only as digests.
 */
export class MfaService {
  readonly #store: MfaStore;
  readonly #passkeys: PasskeyStore;
  readonly #now: () => number;

  constructor(database: Database, options: MfaServiceOptions = {}) {
    this.#store = new MfaStore(database);
    this.#passkeys = new PasskeyStore(database);
    this.#now = options.now ?? Date.now;
  }

  async status(userId: string): Promise<MfaStatus> {
    const totp = await this.#store.totpOf(userId);
    const confirmedAt = totp?.confirmed_at ?? null;
    return {
      totp: { enabled: confirmedAt !== null, confirmedAt },
      recoveryCodesLeft: confirmedAt === null ? 0 : await this.#store.recoveryCodesLeft(userId),
    };
  }

  /** Whether signing in as this user takes a second step. */
  async isEnabled(userId: string): Promise<boolean> {
    return (await this.methodsOf(userId)).length > 0;
  }

  /** The second factors the account has: a confirmed app, passkeys. */
  async methodsOf(userId: string): Promise<SecondStepMethod[]> {
    const methods: SecondStepMethod[] = [];
    if (await this.#totpConfirmed(userId)) methods.push("totp");
    if (await this.#passkeys.hasPasskeys(userId)) methods.push("passkey");
    return methods;
  }

  /** An administrator's reset: the app, recovery codes, passkeys and pending steps, all gone. */
  resetAll(userId: string): Promise<void> {
    return this.#store.deleteEverything(userId);
  }

  /** A new secret for the user's app, not active until `confirm`; replaces an unconfirmed one. */
  async enrol(user: UserRow): Promise<{ secret: string; otpauthUrl: string; qrDataUrl: string }> {
    if (await this.#totpConfirmed(user.id)) {
      throw new Conflict("an authenticator app is set up already; turn it off first");
    }
    const secret = newTotpSecret();
    await this.#store.putPendingTotp(user.id, secret, this.#now());
    const otpauthUrl = otpauthUrlOf(secret, user.email);
    // Loaded at the first enrolment rather than at start, which does not draw QR codes.
    const { default: QRCode } = await import("qrcode");
    const qrDataUrl = await QRCode.toDataURL(otpauthUrl, { errorCorrectionLevel: "M", margin: 2 });
    return { secret, otpauthUrl, qrDataUrl };
  }

  /** The first code proves the app has the secret: TOTP is on, and recovery codes are issued. */
  async confirm(user: UserRow, code: string): Promise<{ recoveryCodes: string[] }> {
    const totp = await this.#store.totpOf(user.id);
    if (!totp) throw new Conflict("no authenticator app is being set up; start again");
    if (totp.confirmed_at !== null) throw new Conflict("the authenticator app is set up already");
    await this.#useTotp(user.id, totp.secret, code);
    await this.#store.confirmTotp(user.id, this.#now());
    return { recoveryCodes: await this.#issueRecoveryCodes(user.id) };
  }

  /** Checks an app's code, refusing one already used (InvalidCode otherwise). */
  async checkTotp(userId: string, code: string): Promise<void> {
    const totp = await this.#store.totpOf(userId);
    if (!totp || totp.confirmed_at === null) throw new InvalidCode();
    await this.#useTotp(userId, totp.secret, code);
  }

  /** Checks an app's code or, failing the six-digit shape, a recovery code (used up). */
  async checkCode(userId: string, code: string): Promise<SecondFactorMethod> {
    if (looksLikeTotp(code)) {
      await this.checkTotp(userId, code.replace(/\s/g, ""));
      return "totp";
    }
    if (!(await this.#totpConfirmed(userId))) throw new InvalidCode();
    const hash = digest(normaliseRecoveryCode(code));
    if (!(await this.#store.useRecoveryCode(userId, hash, this.#now()))) throw new InvalidCode();
    return "recovery_code";
  }

  async disable(userId: string): Promise<void> {
    await this.#store.deleteFactors(userId);
  }

  async regenerateRecoveryCodes(userId: string): Promise<string[]> {
    if (!(await this.#totpConfirmed(userId))) throw new Conflict("no authenticator app is set up");
    return this.#issueRecoveryCodes(userId);
  }

  /**
   * The opaque token standing for a passed password step: single-use, for five minutes (a
   * quarter of an hour for an enrolment, which allows enrolling a factor and nothing else).
   */
  async createChallenge(
    userId: string,
    purpose: ChallengePurpose = "second_factor",
  ): Promise<string> {
    const token = newSecret("");
    const now = this.#now();
    const lifetime = purpose === "enrolment" ? ENROLMENT_MS : CHALLENGE_MS;
    await this.#store.deleteExpiredChallenges(now);
    await this.#store.insertChallenge(digest(token), userId, now + lifetime, purpose);
    return token;
  }

  /** The user a challenge is for; InvalidChallenge when it is unknown, used, expired or other. */
  async challengeUser(token: string, purpose: ChallengePurpose = "second_factor"): Promise<string> {
    const userId = await this.#store.challengeUser(digest(token), this.#now(), purpose);
    if (!userId) throw new InvalidChallenge();
    return userId;
  }

  /** Uses the challenge up; InvalidChallenge when a parallel request did first. */
  async consumeChallenge(token: string): Promise<void> {
    if (!(await this.#store.deleteChallenge(digest(token)))) throw new InvalidChallenge();
  }

  recordSession(sessionId: string, userId: string, method: SecondFactorMethod): Promise<void> {
    return this.#store.recordSession(sessionId, userId, method, this.#now());
  }

  /** How the session passed its second step, or undefined when it took none. */
  sessionMethod(sessionId: string): Promise<SecondFactorMethod | undefined> {
    return this.#store.sessionMethod(sessionId);
  }

  async #totpConfirmed(userId: string): Promise<boolean> {
    return ((await this.#store.totpOf(userId))?.confirmed_at ?? null) !== null;
  }

  async #useTotp(userId: string, secret: string, code: string): Promise<void> {
    const step = matchingStep(secret, code.trim(), this.#now());
    if (step === null || !(await this.#store.useStep(userId, step))) throw new InvalidCode();
  }

  async #issueRecoveryCodes(userId: string): Promise<string[]> {
    const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
    await this.#store.replaceRecoveryCodes(userId, codes.map(digest), this.#now());
    return codes;
  }
}
