import type { AuditLog, Authenticator } from "@tandem/accounts";
import type { RestApi } from "@tandem/kernel";
import type { Upstream, UpstreamStore } from "../../federation/UpstreamStore.js";
import {
  NewUpstream,
  UpstreamList,
  UpstreamParams,
  Upstream as UpstreamShape,
} from "../../wire/index.js";
import { adminOf, audited } from "./adminOnly.js";

/** An upstream provider without its client secret, which never leaves the server. */
export function presentUpstream({ clientSecret: _hidden, ...shown }: Upstream) {
  return shown;
}

export function registerAdminUpstreamRoutes(
  api: RestApi,
  deps: { auth: Authenticator; audit: AuditLog; upstreams: UpstreamStore },
) {
  const admin = adminOf(deps.auth);

  api.route({
    method: "GET",
    path: "/admin/upstreams",
    summary: "The brokered identity providers, without secrets",
    who: admin,
    responses: { 200: UpstreamList },
    handler: async () => ({ upstreams: (await deps.upstreams.list()).map(presentUpstream) }),
  });

  api.route({
    method: "POST",
    path: "/admin/upstreams",
    summary: "Broker an identity provider for its e-mail domains",
    who: admin,
    body: NewUpstream,
    responses: { 201: UpstreamShape },
    handler: async ({ who, body: input, request }) => {
      const added = await audited(
        deps,
        request,
        who,
        {
          action: "upstream_added",
          subject: input.issuer.replace(/\/+$/, ""),
          details: { name: input.name, domains: input.domains, profile: input.profile },
        },
        () => deps.upstreams.add(input),
      );
      return presentUpstream(added);
    },
  });

  api.route({
    method: "DELETE",
    path: "/admin/upstreams/:upstreamId",
    summary: "Stop brokering an identity provider",
    who: admin,
    params: UpstreamParams,
    responses: { 204: null },
    handler: async ({ who, params: { upstreamId }, request }) => {
      const upstream = await deps.upstreams.byId(upstreamId);
      await audited(
        deps,
        request,
        who,
        { action: "upstream_removed", subject: upstream.issuer, details: { name: upstream.name } },
        () => deps.upstreams.remove(upstreamId),
      );
      return undefined;
    },
  });
}
