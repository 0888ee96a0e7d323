import type { RawRoutes } from "@tandem/kernel";
import { INTERACTION_PATH } from "../provider/createProvider.js";
import type { ProviderHost } from "../provider/ProviderHost.js";

const DISCOVERY = "/.well-known/openid-configuration";

/** What identity declares in its `paths.raw`: the provider's paths, before Fastify. */
export const OIDC_RAW_PATHS = ["/oidc", DISCOVERY] as const;

/**
 * Hands the provider's paths to oidc-provider before Fastify sees them: the provider reads
 * the raw body itself and answers every error in OAuth's format, so Fastify would only
 * build a request and a reply to hijack. The interaction steps (sign-in, consent) are
 * Tandem's own pages and stay Fastify routes.
 */
export function registerOidcRoutes(
  raw: Pick<RawRoutes, "add">,
  host: Pick<ProviderHost, "handler">,
): void {
  raw.add({
    label: "/oidc/*",
    paths: OIDC_RAW_PATHS,
    matches: (path) =>
      path === DISCOVERY || (path.startsWith("/oidc/") && !path.startsWith(`${INTERACTION_PATH}/`)),
    handle: (request, response) => host.handler(request, response),
    // OAuth's error shape (RFC 6749 §5.2), as oidc-provider answers its own refusals.
    refuse: (response, message) => {
      response.writeHead(400, {
        "content-type": "application/json; charset=utf-8",
        "cache-control": "no-store",
      });
      response.end(JSON.stringify({ error: "invalid_request", error_description: message }));
    },
  });
}
