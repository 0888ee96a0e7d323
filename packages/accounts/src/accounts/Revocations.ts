import type { PubSub } from "@tandem/kernel";

const CHANNEL = "kernel:revocations";

/**
 * What a long-lived connection (a collaboration socket) was opened with, kept so that a
 * revocation can find it: a browser session, a personal access token, or an app's access
 * token (OpenID), and the account behind it.
 */
export interface Credential {
  accountId: string;
  kind: "session" | "token" | "app";
  /** The session's id (its secret's digest), the token's id, or the app's client id. */
  id: string;
  /**
   * For an app's access token: the token itself (the provider's opaque tokens are their own
   * id), asked about again by the periodic re-check, and the grant it was issued under,
   * whose revocation ends it. Kept in memory only: never published, never logged.
   */
  app?: { token: string; grantId?: string };
  /** When it stops working by itself (ms since the epoch); null when it never does. */
  expiresAt: number | null;
}

/**
 * Credentials that stopped working before their time. `account`: every credential of a
 * disabled account. `grant`: every app token issued under an OpenID grant, named by the
 * grant's random id alone (where the provider revokes one, its storage knows no more).
 * Otherwise those of one kind — one (`id`), or all of the account's but one (`except`, the
 * session that changed the password).
 */
export type Revocation =
  | { accountId: string; kind: "account" }
  | { kind: "grant"; grantId: string }
  | { accountId: string; kind: Credential["kind"]; id?: string; except?: string };

/** Whether this revocation ends that credential. */
export function revokes(revocation: Revocation, credential: Credential): boolean {
  if (revocation.kind === "grant") return credential.app?.grantId === revocation.grantId;
  if (revocation.accountId !== credential.accountId) return false;
  if (revocation.kind === "account") return true;
  if (revocation.kind !== credential.kind) return false;
  if (revocation.except !== undefined && revocation.except === credential.id) return false;
  return revocation.id === undefined || revocation.id === credential.id;
}

/**
 * Tells every instance that credentials were revoked, so what a request checks each time
 * (REST) also reaches what was checked once (an open socket). The kernel publishes where it
 * revokes (AccessService); modules holding connections subscribe. Without pub/sub (the CLI
 * on its own) nothing is published: see `Revocations.offline`.
 */
export class Revocations {
  readonly #pubsub: PubSub | undefined;

  constructor(pubsub: PubSub | undefined) {
    this.#pubsub = pubsub;
  }

  /** For code that runs without the server's pub/sub: revocations stay in the database. */
  static offline(): Revocations {
    return new Revocations(undefined);
  }

  async publish(revocation: Revocation): Promise<void> {
    await this.#pubsub?.publish(CHANNEL, revocation);
  }

  /** Resolves once subscribed; returns the function that ends the subscription. */
  async subscribe(listener: (revocation: Revocation) => void): Promise<() => Promise<void>> {
    if (!this.#pubsub) return async () => {};
    return this.#pubsub.subscribe(CHANNEL, (message) => listener(message as Revocation));
  }
}
