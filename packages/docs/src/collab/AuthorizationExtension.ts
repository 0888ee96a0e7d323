import type { Extension, onAuthenticatePayload } from "@hocuspocus/server";
import type { Authenticator, Credential, UserRow } from "@tandem/accounts";
import { rank } from "../permissions/abilities.js";
import type { DocumentAccess } from "../permissions/DocumentAccess.js";
import type { CollabContext } from "./context.js";

/**
 * Who may open a document over the socket, and whether they may write: the provider's
 * token (a personal access token or an app's access token with the `api` scope), or the
 * browser session when the token is empty. Readers and commenters get read-only
 * connections: their updates are refused, never applied, stored or relayed.
 */
export class AuthorizationExtension implements Extension {
  readonly priority = 200;
  readonly #auth: Authenticator;
  readonly #access: DocumentAccess;

  constructor(auth: Authenticator, access: DocumentAccess) {
    this.#auth = auth;
    this.#access = access;
  }

  async onAuthenticate(payload: onAuthenticatePayload<CollabContext>): Promise<CollabContext> {
    const { user, credential } = await this.#identify(payload.token, payload.context);
    const requester = await this.#access.requesterOf(user);
    const { role } = await this.#access.resolve(payload.documentName, requester);
    if (!role) throw new Error("forbidden");
    payload.connectionConfig.readOnly = rank(role) < rank("editor");
    return { user, requester, role, credential };
  }

  /** The account and the credential the connection keeps (see CredentialWatcher). */
  async #identify(
    token: string,
    context: CollabContext,
  ): Promise<{ user: UserRow | null; credential: Credential | null }> {
    if (token) {
      const principal = await this.#auth.bearer(token);
      // A wrong token is refused rather than treated as a visitor: the client meant it.
      if (!principal) throw new Error("invalid token");
      // A bearer the kernel cannot name still ends with its account.
      const credential = principal.credential ?? {
        accountId: principal.user.id,
        kind: "app",
        id: principal.clientId ?? "",
        expiresAt: null,
      };
      return { user: principal.user, credential };
    }
    const session = await context.cookieSession;
    return { user: session?.user ?? null, credential: session?.credential ?? null };
  }
}
