import { TandemError } from "../errors/TandemError.js";
import { clientNetwork } from "./clientNetwork.js";

/** Too many requests of one kind from a network: try again in `retryAfter` seconds. */
export class TooManyRequests extends TandemError {
  /** Whole seconds to wait; the REST mapper sends it as the Retry-After header. */
  readonly retryAfter: number;

  constructor(retryAfter: number) {
    super(
      429,
      "too_many_requests",
      `Too many requests. Try again in ${retryAfter} second${retryAfter === 1 ? "" : "s"}.`,
    );
    this.retryAfter = retryAfter;
  }
}

/**
 * Counts requests per client network (an IPv4 address, an IPv6 /64) in fixed windows, for
 * anonymous endpoints that store something on every call (a WebAuthn challenge): without a
 * bound, anyone could fill the database. Each instance counts on its own: behind N instances
 * a network gets up to N times the limit, which still bounds what it can store.
 */
export class NetworkRate {
  #window = 0;
  #counts = new Map<string, number>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Counts one request from `ip`; throws TooManyRequests past the limit in this window. */
  take(ip: string): void {
    const now = this.now();
    const window = Math.floor(now / this.windowMs);
    if (window !== this.#window) {
      // A new window forgets every network: the map never holds more than one window's.
      this.#window = window;
      this.#counts = new Map();
    }
    const network = clientNetwork(ip);
    const count = (this.#counts.get(network) ?? 0) + 1;
    this.#counts.set(network, count);
    if (count > this.limit) {
      const retryAfter = Math.max(1, Math.ceil(((window + 1) * this.windowMs - now) / 1000));
      throw new TooManyRequests(retryAfter);
    }
  }
}
