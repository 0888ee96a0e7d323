import type { AuditLog, Authenticator } from "@tandem/accounts";
import { Forbidden, parseInput, z } from "@tandem/kernel";
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { ConsentService } from "./ConsentService.js";

const ConsentParams = z.object({
  /** The provider's interaction uid, as the consent page's `interaction` parameter carries it. */
  uid: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "not an interaction id"),
});

const ConsentDecision = z.object({
  /** The user's answer to the app's request. */
  decision: z.enum(["allow", "deny"]),
});

/**
 * The consent screen's API. Only the browser session that started the authorization may
 * answer: a personal access token is refused, and cross-site writes are refused by the
 * Authenticator's origin check (the cookie is SameSite=Lax and the body must be JSON).
 */
export function registerConsentRoutes(
  http: FastifyInstance,
  deps: { auth: Authenticator; consent: ConsentService; audit: AuditLog },
) {
  const browserUser = async (request: FastifyRequest) => {
    const principal = await deps.auth.require(request);
    if (principal.via !== "session") {
      throw new Forbidden("Only the browser that signed in can answer a consent request.");
    }
    return principal.user;
  };

  /** GET /api/v1/consent/:uid — the app, its redirect host and the scopes it asks for. */
  http.get("/api/v1/consent/:uid", async (request) => {
    const user = await browserUser(request);
    const { uid } = parseInput(ConsentParams, request.params);
    return deps.consent.request(uid, user.id);
  });

  /**
   * POST /api/v1/consent/:uid — `{ "decision": "allow" | "deny" }`; answers
   * `{ "redirectTo": path }`, where the browser resumes the authorization.
   */
  http.post("/api/v1/consent/:uid", async (request) => {
    const user = await browserUser(request);
    const { uid } = parseInput(ConsentParams, request.params);
    const { decision } = parseInput(ConsentDecision, request.body);
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
  });
}
