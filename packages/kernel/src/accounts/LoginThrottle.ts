import { InvalidCredentials, TandemError } from "../errors/TandemError.js";
import type { Database } from "../storage/Database.js";
import { normaliseEmail } from "./AccountService.js";
import { clientNetwork } from "./clientNetwork.js";
import { LoginThrottleStore, type ThrottleKey, type ThrottlePolicy } from "./LoginThrottleStore.js";
import { digest } from "./secrets.js";

const SECOND = 1000;
const MINUTE = 60 * SECOND;

/** Too many failed sign-ins for an account or from a network: try again in `retryAfter` seconds. */
export class TooManyAttempts extends TandemError {
  /** Whole seconds to wait; the REST mapper sends it as the Retry-After header. */
  readonly retryAfter: number;

  constructor(retryAfter: number) {
    super(
      429,
      "too_many_attempts",
      `Too many failed sign-ins. Try again in ${retryAfter} second${retryAfter === 1 ? "" : "s"}.`,
    );
    this.retryAfter = retryAfter;
  }
}

export interface LoginThrottleOptions {
  /** Failed sign-ins an account may have in a window before it is slowed down. */
  accountLimit?: number;
  /** The same for one network (an IPv4 address, an IPv6 /64), across accounts. */
  networkLimit?: number;
  /** How long failures add up; a block also keeps its row for this long after it ends. */
  windowMs?: number;
  /** The wait after the limit is reached; each further failure doubles it... */
  firstDelayMs?: number;
  /** ...up to this: never a permanent lockout. */
  maxDelayMs?: number;
  /** The clock, for tests. */
  now?: () => number;
}

/**
 * Slows down password guessing (OWASP ASVS: anti-automation without malicious lockout).
 * Failed sign-ins are counted per account and per client network in the database, so every
 * instance sees the same counts. Past a limit within a window, attempts are refused
 * (TooManyAttempts, 429) for a delay that doubles with each further failure (1 s, 2 s, 4 s…),
 * capped at 15 minutes; the right password is refused too while blocked, or guessing would
 * go on. A success clears the account's count, never the network's: one valid account must
 * not let a guesser behind the same address start again.
 *
 * An account's attempt is counted before its password is checked and given back if it was
 * no failure, so parallel guesses cannot all pass before the first failure lands. A network's
 * failures are counted once known: counting its attempts in advance would refuse an office
 * behind one address whenever twenty of its people sign in at the same moment.
 * Unknown e-mails are counted exactly as known ones: a refusal tells nothing about an account.
 */
export class LoginThrottle {
  readonly #store: LoginThrottleStore;
  readonly #account: ThrottlePolicy;
  readonly #network: ThrottlePolicy;
  readonly #now: () => number;

  constructor(database: Database, options: LoginThrottleOptions = {}) {
    this.#store = new LoginThrottleStore(database);
    const shared = {
      windowMs: options.windowMs ?? 15 * MINUTE,
      firstDelayMs: options.firstDelayMs ?? SECOND,
      maxDelayMs: options.maxDelayMs ?? 15 * MINUTE,
    };
    this.#account = { limit: options.accountLimit ?? 5, ...shared };
    this.#network = { limit: options.networkLimit ?? 20, ...shared };
    this.#now = options.now ?? Date.now;
  }

  /**
   * Runs a password check for `email` from `ip`, unless either is blocked. An
   * InvalidCredentials from the check counts as a failure; a result clears the account's count.
   */
  async guard<T>(who: { email: string; ip: string }, check: () => Promise<T>): Promise<T> {
    const account: ThrottleKey = { kind: "account", key: digest(normaliseEmail(who.email)) };
    const network: ThrottleKey = { kind: "network", key: digest(clientNetwork(who.ip)) };
    const now = this.#now();
    const blocked = (await this.#store.blockedUntil([network], now)) !== null;
    // The account's attempt counts now, before its check, unless a block refuses it.
    if (
      blocked ||
      !(await this.#store.count(account, now, this.#account, { unlessBlocked: true }))
    ) {
      // Refused before anything was counted: a refusal is no failure.
      const until = (await this.#store.blockedUntil([account, network], now)) ?? now;
      throw new TooManyAttempts(Math.max(1, Math.ceil((until - now) / SECOND)));
    }
    let result: T;
    try {
      result = await check();
    } catch (error) {
      if (error instanceof InvalidCredentials) {
        const failedAt = this.#now();
        await this.#store.restartBlock(account, failedAt, this.#account);
        await this.#store.count(network, failedAt, this.#network, { unlessBlocked: false });
      } else {
        // Not a wrong password (the database failed, say): not a guess, so not counted.
        await this.#store.release(account, this.#account).catch(() => {});
      }
      throw error;
    }
    await this.#store.forget(account);
    return result;
  }

  /** Forgets the counts nobody needs any more; returns how many. */
  purge(): Promise<number> {
    return this.#store.deleteExpired(this.#now());
  }
}
