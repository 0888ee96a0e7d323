import type { AuditLog, Authenticator, Revocations } from "@tandem/accounts";
import { NotFound, type RestApi } from "@tandem/kernel";
import type { FastifyRequest } from "fastify";
import type { ConsentedApp, GrantStore } from "../consent/GrantStore.js";
import type { ClientStore } from "../provider/ClientStore.js";
import {
  AppParams,
  ConsentedAppList,
  type ConsentedApp as ConsentedAppShape,
} from "../wire/index.js";

/** The wire shape of an app the user let in: hosts only, the full redirect URIs are the app's business. */
export function presentConsentedApp(app: ConsentedApp): ConsentedAppShape {
  return {
    clientId: app.clientId,
    name: app.name,
    hosts: [...new Set(app.redirectUris.map((uri) => new URL(uri).host))],
    scopes: app.scopes,
    grantedAt: app.grantedAt,
  };
}

export function registerAccountAppRoutes(
  api: RestApi,
  deps: {
    auth: Authenticator;
    grants: GrantStore;
    clients: ClientStore;
    audit: AuditLog;
    revocations: Revocations;
  },
) {
  const signedIn = async (request: FastifyRequest) => (await deps.auth.require(request)).user;

  api.route({
    method: "GET",
    path: "/account/apps",
    summary: "Third-party apps the signed-in user allowed, with their scopes",
    who: signedIn,
    responses: { 200: ConsentedAppList },
    handler: async ({ who }) => ({
      apps: (await deps.grants.consentedApps(who.id)).map(presentConsentedApp),
    }),
  });

  /**
   * Withdrawing ends the app's grants and every code and token issued under them now; the
   * next sign-in asks again. An app the user never allowed is a 404.
   */
  api.route({
    method: "DELETE",
    path: "/account/apps/:clientId",
    summary: "Withdraw the user's consent: the app's grants and tokens end now",
    who: signedIn,
    params: AppParams,
    responses: { 204: null },
    handler: async ({ who: user, params: { clientId }, request }) => {
      // First-party apps are let in without consent, so there is none to withdraw.
      const thirdParty = !(await deps.clients.isFirstParty(clientId));
      const revoked = thirdParty ? await deps.grants.revoke(user.id, clientId) : 0;
      if (revoked === 0) throw new NotFound("This app has no access to your account.");
      // Its tokens are refused from now on; sockets they opened close too, on every instance.
      await deps.revocations.publish({ accountId: user.id, kind: "app", id: clientId });
      await deps.audit.record({
        action: "consent_revoked",
        outcome: "success",
        actor: { id: user.id, email: user.email },
        subject: clientId,
        ip: request.ip,
        details: { grants: revoked },
      });
      return undefined;
    },
  });
}
