import type { AdapterPayload } from "oidc-provider";

/**
 * How far a browser session's stored expiry may lag behind the one oidc-provider computed
 * before it is written again.
 */
export const SESSION_TOUCH_MS = 60_000;
const REMEMBERED = 10_000;

/**
 * oidc-provider saves the browser session at the end of every request that used it, only to
 * push its expiry forward (sliding expiry): one write in every authorization request, most
 * of them changing nothing else. This remembers each session as it was last read or written
 * here, and lets a save through only when something besides its expiry changed, or when the
 * stored expiry is more than SESSION_TOUCH_MS behind — a session used all day is still written
 * about once a minute, and a 12-hour session ends at most that much earlier than its cookie.
 *
 * Instances do not share this: what is compared is what this instance read at the start of the
 * same request (every request reads its session first), so a change made elsewhere is written
 * over no more and no less than before.
 */
export class SessionSaves {
  readonly #known = new Map<string, { body: string; expiresAt: number | null }>();

  /** What was read or written for a session: its row's payload and expiry. */
  remember(id: string, payload: AdapterPayload, expiresAt: number | null): void {
    if (this.#known.size >= REMEMBERED) this.#known.clear();
    this.#known.set(id, { body: bodyOf(payload), expiresAt });
  }

  /** True when saving `payload` would only move the expiry forward by less than the lag. */
  unchanged(id: string, payload: AdapterPayload, expiresAt: number | null): boolean {
    const known = this.#known.get(id);
    if (!known || known.expiresAt === null || expiresAt === null) return false;
    const moved = expiresAt - known.expiresAt;
    return moved >= 0 && moved < SESSION_TOUCH_MS && known.body === bodyOf(payload);
  }

  forget(id: string): void {
    this.#known.delete(id);
  }
}

/**
 * The payload without the fields every save rewrites (expiry, issue time), keys sorted:
 * oidc-provider writes a session's keys in another order than the one it was read in.
 */
function bodyOf(payload: AdapterPayload): string {
  const { exp: _exp, iat: _iat, ...body } = payload;
  return JSON.stringify(body, (_key, value: unknown) =>
    value && typeof value === "object" && !Array.isArray(value)
      ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : 1)))
      : value,
  );
}
