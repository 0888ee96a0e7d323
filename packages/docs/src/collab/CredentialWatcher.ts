import type { Connection, connectedPayload, Extension } from "@hocuspocus/server";
import { type Credential, type Revocations, revokes } from "@tandem/accounts";
import { CLOSE, type CollabContext } from "./context.js";
import type { HocuspocusHost } from "./HocuspocusHost.js";

/** setTimeout fires at once past this (~24.8 days); longer waits are taken in steps. */
const LONGEST_TIMER_MS = 2 ** 31 - 1;

/**
 * A socket lives no longer than what opened it. The credential checked at authentication
 * (session, personal access token, app token) is kept in the connection's context; the
 * connection closes (4401) when the kernel reports it revoked or its account disabled, on
 * any instance, and at the credential's own expiry. Each credential is also checked again
 * by recheck(), which the module's `docs.credential-recheck` job calls, for revocations
 * nothing published (the CLI beside a running server).
 */
export class CredentialWatcher implements Extension {
  readonly #revocations: Revocations;
  readonly #isLive: (credential: Credential) => Promise<boolean>;
  #unsubscribe: (() => Promise<void>) | undefined;
  #hocuspocus: HocuspocusHost<CollabContext> | undefined;

  constructor(deps: {
    revocations: Revocations;
    isLive: (credential: Credential) => Promise<boolean>;
  }) {
    this.#revocations = deps.revocations;
    this.#isLive = deps.isLive;
  }

  async start(hocuspocus: HocuspocusHost<CollabContext>): Promise<void> {
    this.#unsubscribe = await this.#revocations.subscribe((revocation) => {
      for (const connection of connectionsOf(hocuspocus)) {
        const credential = connection.context.credential;
        if (credential && revokes(revocation, credential)) close(connection, "revoked");
      }
    });
    this.#hocuspocus = hocuspocus;
  }

  async stop(): Promise<void> {
    this.#hocuspocus = undefined;
    await this.#unsubscribe?.();
  }

  /**
   * Checks every open connection's credential again, one query per credential however many
   * documents it has open; a failure rejects (the scheduler logs and counts it).
   */
  async recheck(): Promise<void> {
    const hocuspocus = this.#hocuspocus;
    if (hocuspocus) await this.#recheckAll(hocuspocus);
  }

  /**
   * Hocuspocus hook: a connection is established; it is closed when its credential expires.
   * This timer stays here rather than in a job: it is one connection's deadline, set when the
   * connection opens and cleared when it closes, not periodic work of the module.
   */
  async connected({ connection, context }: connectedPayload<CollabContext>): Promise<void> {
    const expiresAt = context.credential?.expiresAt;
    if (expiresAt === null || expiresAt === undefined) return;
    let timer: NodeJS.Timeout | undefined;
    const wait = () => {
      const left = expiresAt - Date.now();
      if (left <= 0) {
        close(connection, "expired");
        return;
      }
      timer = setTimeout(wait, Math.min(left, LONGEST_TIMER_MS));
      timer.unref();
    };
    connection.onClose(() => clearTimeout(timer));
    wait();
  }

  async #recheckAll(hocuspocus: HocuspocusHost<CollabContext>): Promise<void> {
    const byCredential = new Map<string, Connection<CollabContext>[]>();
    for (const connection of connectionsOf(hocuspocus)) {
      const credential = connection.context.credential;
      if (!credential) continue;
      // An app's tokens share its client id; each is checked (it may be revoked alone).
      const key = `${credential.kind}:${credential.accountId}:${credential.id}:${credential.app?.token ?? ""}`;
      byCredential.set(key, [...(byCredential.get(key) ?? []), connection]);
    }
    for (const connections of byCredential.values()) {
      const credential = connections[0]?.context.credential;
      if (!credential || (await this.#isLive(credential))) continue;
      for (const connection of connections) close(connection, "revoked");
    }
  }
}

function* connectionsOf(hocuspocus: HocuspocusHost<CollabContext>) {
  for (const document of hocuspocus.documents.values()) yield* document.getConnections();
}

function close(connection: Connection<CollabContext>, reason: "revoked" | "expired"): void {
  connection.close({ code: CLOSE.unauthorized, reason });
}
