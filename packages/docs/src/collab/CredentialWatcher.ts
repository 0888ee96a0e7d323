import type { connectedPayload, Extension } from "@hocuspocus/server";
import { type Logger, type Revocations, revokes } from "@tandem/kernel";
import { CLOSE, type CollabContext } from "./context.js";
import type { HocuspocusHost } from "./HocuspocusHost.js";

/** setTimeout fires at once past this (~24.8 days); longer waits are taken in steps. */
const LONGEST_TIMER_MS = 2 ** 31 - 1;

/**
 * A socket lives no longer than what opened it. The credential checked at authentication
 * (session, personal access token, app token) is kept in the connection's context; the
 * connection closes (4401) when the kernel reports it revoked or its account disabled, on
 * any instance, and at the credential's own expiry.
 */
export class CredentialWatcher implements Extension {
  readonly #revocations: Revocations;
  readonly #logger: Logger;
  #unsubscribe: (() => Promise<void>) | undefined;

  constructor(deps: { revocations: Revocations; logger: Logger }) {
    this.#revocations = deps.revocations;
    this.#logger = deps.logger;
  }

  async start(hocuspocus: HocuspocusHost<CollabContext>): Promise<void> {
    this.#unsubscribe = await this.#revocations.subscribe((revocation) => {
      for (const document of hocuspocus.documents.values()) {
        for (const connection of document.getConnections()) {
          const credential = connection.context.credential;
          if (!credential || !revokes(revocation, credential)) continue;
          this.#logger.debug(
            { account: credential.accountId },
            "credential revoked: socket closed",
          );
          connection.close({ code: CLOSE.unauthorized, reason: "unauthorized" });
        }
      }
    });
  }

  async stop(): Promise<void> {
    await this.#unsubscribe?.();
  }

  /** Hocuspocus hook: a connection is established; it is closed when its credential expires. */
  async connected({ connection, context }: connectedPayload<CollabContext>): Promise<void> {
    const expiresAt = context.credential?.expiresAt;
    if (expiresAt === null || expiresAt === undefined) return;
    let timer: NodeJS.Timeout | undefined;
    const wait = () => {
      const left = expiresAt - Date.now();
      if (left <= 0) {
        connection.close({ code: CLOSE.unauthorized, reason: "expired" });
        return;
      }
      timer = setTimeout(wait, Math.min(left, LONGEST_TIMER_MS));
      timer.unref();
    };
    connection.onClose(() => clearTimeout(timer));
    wait();
  }
}
