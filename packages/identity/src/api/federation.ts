import type { AccessService, AuditLog, Authenticator } from "@tandem/accounts";
import { Forbidden, parseInput, type RestApi, reasonOf, TandemError, z } from "@tandem/kernel";
import type { FastifyInstance, FastifyReply } from "fastify";
import type { Broker } from "../federation/Broker.js";
import type { FederatedSessions } from "../federation/FederatedSessions.js";
import { domainOf, type UpstreamStore } from "../federation/UpstreamStore.js";
import { upstreamUsedMfa } from "../organisations/secondFactorRule.js";
import { INTERACTION_PATH } from "../provider/createProvider.js";
import type { ProviderHost } from "../provider/ProviderHost.js";
import { DiscoverQuery, Discovery } from "../wire/index.js";
import { errorPage } from "./errorPage.js";

const INTERACTION = new RegExp(`^${INTERACTION_PATH}/([A-Za-z0-9_-]+)$`);

const Start = z.object({
  login_hint: z.string().max(320).optional(),
  continue: z.string().regex(INTERACTION).optional(),
});

/**
 * Sign-in through an upstream provider: the sign-in page's discovery (on the REST API), then
 * the browser's round trip upstream (/federation/…, pages rather than JSON).
 */
export function registerFederationRoutes(
  http: FastifyInstance,
  api: RestApi,
  deps: {
    broker: Broker;
    upstreams: UpstreamStore;
    host: ProviderHost;
    auth: Authenticator;
    access: AccessService;
    sessions: FederatedSessions;
    audit: AuditLog;
    /** Whether the account's organisation requires a second factor. */
    requiresMfa?: (userId: string) => Promise<boolean>;
  },
) {
  /** The sign-in page's first step. */
  api.route({
    method: "GET",
    path: "/auth/discover",
    summary:
      "How an e-mail address signs in: a password here, or the identity provider its domain is bound to",
    query: DiscoverQuery,
    responses: { 200: Discovery },
    handler: async ({ query: { email } }) => {
      const upstream = await deps.upstreams.forDomain(domainOf(email));
      if (!upstream) return { method: "password" as const };
      const query = new URLSearchParams({ login_hint: email });
      return {
        method: "redirect" as const,
        provider: upstream.name,
        url: `/federation/${upstream.id}/start?${query}`,
      };
    },
  });

  /** GET /federation/:id/start — sends the browser to the upstream provider. */
  http.get<{ Params: { id: string } }>("/federation/:id/start", async (request, reply) => {
    const input = parseInput(Start, request.query);
    const upstream = await deps.upstreams.byId(request.params.id);
    // An app's requested assurance level (acr_values) is forwarded upstream.
    const uid = input.continue ? INTERACTION.exec(input.continue)?.[1] : undefined;
    const interaction = uid ? await deps.host.current.Interaction.find(uid) : undefined;
    const acr = String(interaction?.params.acr_values ?? "")
      .split(" ")
      .filter(Boolean);
    try {
      const url = await deps.broker.start(upstream, {
        loginHint: input.login_hint,
        continueTo: input.continue ?? null,
        acr,
      });
      return reply.redirect(url.href, 303);
    } catch (error) {
      // The browser is on its way upstream: a page says the sign-in failed, not a JSON body.
      return refuse(reply, error);
    }
  });

  /** GET /federation/callback — the upstream's answer: sign the user in to Tandem. */
  http.get("/federation/callback", async (request, reply) => {
    const current = new URL(request.url, `${request.protocol}://${request.host}`);
    try {
      const { user, continueTo, upstream, idToken, acr, amr } = await deps.broker.finish(current);
      // The upstream provider checks the factors, not Tandem: its answer must state a second one.
      if ((await deps.requiresMfa?.(user.id)) && !upstreamUsedMfa(acr, amr ?? [])) {
        throw new Forbidden(
          "Your organisation requires two-step verification, and your identity provider did not use it for this sign-in.",
        );
      }
      const session = await deps.access.createSession(user);
      await deps.sessions.remember(session.id, upstream.id, { idToken, acr, amr });
      await deps.audit.record({
        action: "federated_sign_in",
        outcome: "success",
        actor: { id: user.id, email: user.email },
        subject: user.email,
        ip: request.ip,
        details: { upstream: upstream.name },
      });
      deps.auth.setSessionCookie(reply, session.secret, session.expiresAt);
      request.log.info({ userId: user.id }, "signed in through an upstream provider");
      return reply.redirect(continueTo ?? "/", 303);
    } catch (error) {
      await deps.audit.record({
        action: "federated_sign_in",
        outcome: "failure",
        ip: request.ip,
        // For administrators: the library's own words behind an upstream's failure too.
        details: {
          reason: reasonOf(error),
          ...(error instanceof Error && error.cause ? { cause: reasonOf(error.cause) } : {}),
        },
      });
      return refuse(reply, error);
    }
  });
}

/**
 * A browser-facing page, never a stack trace: Tandem's typed errors (an upstream's failure
 * included, see UpstreamFailed) keep their wording; any other error's text may be internal,
 * so it is logged and the page says only that something went wrong.
 */
function refuse(reply: FastifyReply, error: unknown) {
  if (error instanceof TandemError) {
    if (error.status >= 500) reply.log.warn({ err: error }, "federated sign-in failed");
    return page(reply, error.status, error.message);
  }
  reply.log.error({ err: error }, "federated sign-in failed");
  return page(reply, 500, "Something went wrong with this sign-in. Try again.");
}

function page(reply: FastifyReply, status: number, message: string) {
  return reply
    .status(status)
    .type("text/html; charset=utf-8")
    .send(errorPage("sign_in_refused", message));
}
