import type { AuditLog, Authenticator } from "@tandem/accounts";
import { Forbidden, type RestApi } from "@tandem/kernel";
import type { FastifyRequest } from "fastify";
import type { ConsentService } from "../consent/ConsentService.js";
import { ConsentAnswer, ConsentDecision, ConsentParams, ConsentRequest } from "../wire/index.js";

/**
 * The consent screen's API. Only the browser session that started the authorization may
 * answer: a personal access token is refused, and cross-site writes are refused by the
 * Authenticator's origin check (the cookie is SameSite=Lax and the body must be JSON).
 */
export function registerConsentRoutes(
  api: RestApi,
  deps: { auth: Authenticator; consent: ConsentService; audit: AuditLog },
) {
  const browserUser = async (request: FastifyRequest) => {
    const principal = await deps.auth.require(request);
    if (principal.via !== "session") {
      throw new Forbidden("Only the browser that signed in can answer a consent request.");
    }
    return principal.user;
  };

  api.route({
    method: "GET",
    path: "/consent/:uid",
    summary: "A third-party app's request: the app, its redirect host and the scopes it asks for",
    who: browserUser,
    params: ConsentParams,
    responses: { 200: ConsentRequest },
    handler: async ({ who, params }) => deps.consent.request(params.uid, who.id),
  });

  api.route({
    method: "POST",
    path: "/consent/:uid",
    summary: "Allow or deny the app's request; answers where the browser resumes the authorization",
    who: browserUser,
    params: ConsentParams,
    body: ConsentDecision,
    responses: { 200: ConsentAnswer },
    handler: async ({ who: user, params: { uid }, body: { decision }, request }) => {
      const asked = decision === "allow" ? await deps.consent.request(uid, user.id) : undefined;
      const redirectTo = await deps.consent.decide(uid, user.id, decision === "allow");
      if (asked) {
        await deps.audit.record({
          action: "consent_given",
          outcome: "success",
          actor: { id: user.id, email: user.email },
          subject: asked.client.id,
          ip: request.ip,
          details: { scopes: asked.scopes },
        });
      }
      return { redirectTo };
    },
  });
}
