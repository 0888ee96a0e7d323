import { clientNetwork, type Database, InvalidCredentials, TandemError } from "@tandem/kernel";
import { normaliseEmail } from "./AccountService.js";
import { KnownSourceStore } from "./KnownSourceStore.js";
import { LoginThrottleStore, type ThrottleKey, type ThrottlePolicy } from "./LoginThrottleStore.js";
import { digest } from "./secrets.js";

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const DAY = 24 * 60 * MINUTE;
/** How long a device that signed in stays known, unless the throttle is told otherwise. */
export const KNOWN_DEVICE_MS = 180 * DAY;

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
  /** How long a device that signed in stays known (its cookie lasts as long). */
  knownDeviceMs?: number;
  /** How long a network that signed in stays known: addresses change hands sooner. */
  knownNetworkMs?: number;
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
 *
 * Throttling must not become a lockout anyone can keep up (ASVS 5): a sign-in from a device
 * (its cookie) or a network that signed in to the account before is counted under a key of
 * its own, so failures from elsewhere do not block it, while its own failures do; the
 * network's block still holds. Its success clears only its own key: else the real user's
 * sign-ins would give a guesser elsewhere a fresh count each time.
 */
export class LoginThrottle {
  readonly #store: LoginThrottleStore;
  readonly #account: ThrottlePolicy;
  readonly #network: ThrottlePolicy;
  readonly #known: KnownSourceStore;
  readonly #knownFor: { device: number; network: number };
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
    this.#known = new KnownSourceStore(database);
    this.#knownFor = {
      device: options.knownDeviceMs ?? KNOWN_DEVICE_MS,
      network: options.knownNetworkMs ?? 30 * DAY,
    };
    this.#now = options.now ?? Date.now;
  }

  /**
   * Runs a password check for `email` from `ip` (and the browser's known-device id, if
   * any), unless either is blocked. An InvalidCredentials from the check counts as a
   * failure; a result clears the account's count and remembers the device and network.
   */
  async guard<T>(
    who: { email: string; ip: string; device?: string | undefined },
    check: () => Promise<T>,
  ): Promise<T> {
    const accountKey = digest(normaliseEmail(who.email));
    const network: ThrottleKey = { kind: "network", key: digest(clientNetwork(who.ip)) };
    const sources = [
      ...(who.device ? [{ kind: "device" as const, source: digest(`device:${who.device}`) }] : []),
      { kind: "network" as const, source: digest(`network:${clientNetwork(who.ip)}`) },
    ];
    const now = this.#now();
    const known = await this.#known.firstKnown(
      accountKey,
      sources.map((s) => s.source),
      now,
    );
    // From a known source, the account's attempts count apart from everyone else's.
    const account: ThrottleKey = {
      kind: "account",
      key: known ? digest(`${accountKey}:${known}`) : accountKey,
    };
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
        // Not a wrong password (the database failed, say): not a guess, so not counted. The
        // error thrown is that first failure (the request logs it); a release failing with it
        // would only repeat it, and the reservation ends with its window.
        await this.#store.release(account, this.#account).catch(() => {});
      }
      throw error;
    }
    await this.#store.forget(account);
    const succeededAt = this.#now();
    await this.#known.remember(
      accountKey,
      sources.map(({ kind, source }) => ({
        source,
        expiresAt: succeededAt + this.#knownFor[kind],
      })),
    );
    return result;
  }

  /** Forgets the counts and the known sources nobody needs any more; returns how many. */
  async purge(): Promise<number> {
    const now = this.#now();
    return (await this.#store.deleteExpired(now)) + (await this.#known.deleteExpired(now));
  }
}
