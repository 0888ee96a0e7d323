import {
  type AccessService,
  type Authenticator,
  localAssurance,
  secondFactorOf,
} from "@tandem/accounts";
import type { FastifyInstance } from "fastify";
import type { InteractionResults } from "oidc-provider";
import type { ClientStore } from "../provider/ClientStore.js";
import { INTERACTION_PATH } from "../provider/createProvider.js";
import type { ProviderHost } from "../provider/ProviderHost.js";

/**
 * The provider's login and consent steps. Signing in is the web app's job (one sign-in
 * page for Tandem and for every app): without a Tandem session the user is sent there,
 * and the web app sends them back here once signed in.
 */
export function registerInteractionRoutes(
  http: FastifyInstance,
  deps: {
    host: ProviderHost;
    auth: Authenticator;
    access: AccessService;
    clients: ClientStore;
    /** How a session signed in upstream (acr, amr), when it did. */
    assuranceOf(sessionId: string): Promise<{ acr?: string; amr: string[] } | undefined>;
  },
) {
  /** GET /oidc/interaction/:uid — completes the provider's pending login or consent step. */
  http.get<{ Params: { uid: string } }>(`${INTERACTION_PATH}/:uid`, async (request, reply) => {
    const provider = deps.host.current;
    const details = await provider.interactionDetails(request.raw, reply.raw);
    const here = `${INTERACTION_PATH}/${encodeURIComponent(details.uid)}`;
    const signIn = () => reply.redirect(`/?continue=${encodeURIComponent(here)}`, 303);

    let result: InteractionResults;
    if (details.prompt.name === "login") {
      const principal = await deps.auth.principal(request);
      if (principal?.via !== "session") return signIn();
      // prompt=login or an exceeded max_age asks for a sign-in newer than this request.
      const reasons = details.prompt.reasons;
      const mustBeFresh = reasons.includes("login_prompt") || reasons.includes("max_age");
      if (mustBeFresh && (principal.signedInAt ?? 0) < details.iat * 1000) {
        const secret = deps.auth.sessionSecret(request);
        if (secret) await deps.access.endSession(secret);
        deps.auth.clearSessionCookie(reply);
        return signIn();
      }
      // Signed in upstream: the upstream's stated assurance; here: eidas1 with a password
      // alone, eidas2 with a second factor or a passwordless passkey (see localAssurance).
      const sessionId = deps.auth.sessionId(request);
      const upstream = sessionId ? await deps.assuranceOf(sessionId) : undefined;
      const secondFactor = sessionId ? await secondFactorOf(deps.auth, sessionId) : undefined;
      const local = localAssurance(secondFactor);
      result = {
        login: {
          accountId: principal.user.id,
          acr: upstream?.acr ?? local.acr,
          amr: upstream?.amr.length ? upstream.amr : local.amr,
          ts: Math.floor((principal.signedInAt ?? Date.now()) / 1000),
        },
      };
    } else if (details.prompt.name === "consent") {
      const clientId = String(details.params.client_id);
      if (!(await deps.clients.isFirstParty(clientId))) {
        // A third party's access is the user's to allow, on the web app's consent page.
        return reply.redirect(`/consent?interaction=${encodeURIComponent(details.uid)}`, 303);
      } else {
        const grant = details.grantId
          ? await provider.Grant.find(details.grantId)
          : new provider.Grant({ accountId: details.session?.accountId, clientId });
        if (!grant) throw new Error("grant vanished during consent");
        const missing = details.prompt.details as {
          missingOIDCScope?: string[];
          missingOIDCClaims?: string[];
          missingResourceScopes?: Record<string, string[]>;
        };
        if (missing.missingOIDCScope) grant.addOIDCScope(missing.missingOIDCScope.join(" "));
        if (missing.missingOIDCClaims) grant.addOIDCClaims(missing.missingOIDCClaims);
        for (const [indicator, scopes] of Object.entries(missing.missingResourceScopes ?? {})) {
          grant.addResourceScope(indicator, scopes.join(" "));
        }
        result = { consent: { grantId: await grant.save() } };
      }
    } else {
      result = {
        error: "invalid_request",
        error_description: `unsupported prompt ${details.prompt.name}`,
      };
    }
    reply.hijack();
    await provider.interactionFinished(request.raw, reply.raw, result, {
      mergeWithLastSubmission: false,
    });
  });
}
