import type { Logger } from "@tandem/kernel";
import type { FastifyReply, FastifyRequest } from "fastify";
import type { KoaContextWithOIDC } from "oidc-provider";
import type { ProviderHost } from "./ProviderHost.js";

/**
 * Signing out of Tandem signs out of every app this browser signed into through it:
 * the provider session ends, each app with a back-channel logout URI is told (a signed
 * logout token), and every grant made in the session is revoked with its tokens.
 */
export async function endBrowserSession(
  host: ProviderHost,
  request: FastifyRequest,
  reply: FastifyReply,
  log: Logger,
): Promise<void> {
  const provider = host.current;
  const ctx = provider.createContext(request.raw, reply.raw) as unknown as KoaContextWithOIDC;
  const session = await provider.Session.get(ctx);
  if (!session.accountId) return;
  for (const [clientId, authorization] of Object.entries(session.authorizations ?? {})) {
    // oidc-provider adds backchannelLogout to clients when the feature is on; its types do not say so.
    const client = (await provider.Client.find(clientId)) as
      | {
          backchannelLogoutUri?: string;
          backchannelLogout(sub: string, sid: string): Promise<void>;
        }
      | undefined;
    if (client?.backchannelLogoutUri) {
      // One app that does not answer must not keep the user signed in to the others.
      await client
        .backchannelLogout(session.accountId, authorization.sid ?? "")
        .catch((error: unknown) =>
          log.warn({ err: error, clientId }, "back-channel logout failed"),
        );
    }
    // Our adapter revokes by grant across models: the grant, its codes and its tokens.
    if (authorization.grantId) await provider.Grant.adapter.revokeByGrantId(authorization.grantId);
  }
  await session.destroy();
}
