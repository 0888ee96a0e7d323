import type { AuditLog, Authenticator } from "@tandem/accounts";
import { parseInput, text, z } from "@tandem/kernel";
import type { FastifyInstance } from "fastify";
import type { Upstream, UpstreamStore } from "../federation/UpstreamStore.js";
import { audited, requireAdmin } from "./adminOnly.js";

const NewUpstream = z.object({
  /** Shown to users, e.g. ProConnect. */
  name: text(z.string().trim().min(1).max(200)),
  /** The provider's issuer URL; discovery is read from it. */
  issuer: z.string().trim().min(1).max(2000),
  /** Tandem's client id and secret at the provider. */
  clientId: z.string().trim().min(1).max(500),
  clientSecret: z.string().min(1).max(2000),
  /** The e-mail domains it vouches for. */
  domains: z.array(z.string().trim().min(1).max(253)).min(1).max(100),
  /** How its claims map to Tandem's. */
  profile: z.enum(["proconnect", "oidc"]),
  /** Country its accounts come from (their home_federation). */
  federation: z.string().trim().length(2).default("FR"),
});

const UpstreamParams = z.object({
  upstreamId: z.string().min(1).max(100),
});

/** An upstream provider without its client secret, which never leaves the server. */
export function presentUpstream({ clientSecret: _hidden, ...shown }: Upstream) {
  return shown;
}

export function registerAdminUpstreamRoutes(
  http: FastifyInstance,
  deps: { auth: Authenticator; audit: AuditLog; upstreams: UpstreamStore },
) {
  /** GET /api/v1/admin/upstreams — the brokered identity providers, without secrets. */
  http.get("/api/v1/admin/upstreams", async (request) => {
    await requireAdmin(deps.auth, request);
    return { upstreams: (await deps.upstreams.list()).map(presentUpstream) };
  });

  /** POST /api/v1/admin/upstreams — brokers a provider for its e-mail domains (201). */
  http.post("/api/v1/admin/upstreams", async (request, reply) => {
    const admin = await requireAdmin(deps.auth, request);
    const input = parseInput(NewUpstream, request.body);
    const added = await audited(
      deps,
      request,
      admin,
      {
        action: "upstream_added",
        subject: input.issuer.replace(/\/+$/, ""),
        details: { name: input.name, domains: input.domains, profile: input.profile },
      },
      () => deps.upstreams.add(input),
    );
    return reply.status(201).send(presentUpstream(added));
  });

  /** DELETE /api/v1/admin/upstreams/:upstreamId — stops brokering it (204). */
  http.delete("/api/v1/admin/upstreams/:upstreamId", async (request, reply) => {
    const admin = await requireAdmin(deps.auth, request);
    const { upstreamId } = parseInput(UpstreamParams, request.params);
    const upstream = await deps.upstreams.byId(upstreamId);
    await audited(
      deps,
      request,
      admin,
      { action: "upstream_removed", subject: upstream.issuer, details: { name: upstream.name } },
      () => deps.upstreams.remove(upstreamId),
    );
    return reply.status(204).send();
  });
}
