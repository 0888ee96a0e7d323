import type { AuditLog, Authenticator, Revocations } from "@tandem/accounts";
import { NotFound, parseInput, z } from "@tandem/kernel";
import type { FastifyInstance } from "fastify";
import type { ClientStore } from "../provider/ClientStore.js";
import type { ConsentedApp, GrantStore } from "./GrantStore.js";

const AppParams = z.object({
  /** The app's client id, as the list gives it. */
  clientId: z.string().min(1).max(128),
});

/** The wire shape of an app the user let in: hosts only, the full redirect URIs are the app's business. */
export function presentConsentedApp(app: ConsentedApp) {
  return {
    clientId: app.clientId,
    name: app.name,
    hosts: [...new Set(app.redirectUris.map((uri) => new URL(uri).host))],
    scopes: app.scopes,
    grantedAt: app.grantedAt,
  };
}

export function registerAccountAppRoutes(
  http: FastifyInstance,
  deps: {
    auth: Authenticator;
    grants: GrantStore;
    clients: ClientStore;
    audit: AuditLog;
    revocations: Revocations;
  },
) {
  /** GET /api/v1/account/apps — third-party apps the signed-in user allowed, with their scopes. */
  http.get("/api/v1/account/apps", async (request) => {
    const { user } = await deps.auth.require(request);
    const apps = await deps.grants.consentedApps(user.id);
    return { apps: apps.map(presentConsentedApp) };
  });

  /**
   * DELETE /api/v1/account/apps/:clientId — withdraws the user's consent: the app's grants
   * and every code and token issued under them end now (204); the next sign-in asks again.
   * An app the user never allowed is a 404.
   */
  http.delete("/api/v1/account/apps/:clientId", async (request, reply) => {
    const { user } = await deps.auth.require(request);
    const { clientId } = parseInput(AppParams, request.params);
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
    return reply.status(204).send();
  });
}
