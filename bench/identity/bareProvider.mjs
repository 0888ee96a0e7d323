// The identity benchmark's peer: a bare oidc-provider on its in-memory adapter, in a process
// of its own, configured as Tandem's provider is (packages/identity/src/provider/createProvider.ts):
// same routes, scopes, claims, TTLs, PKCE and rotation rules, same client metadata, an RS256
// signing key of the same size, signed cookies. The sign-in step is an interaction that logs
// in one fixed account, and consent is given as Tandem gives it to a first-party client.
//
// Started by bench/identity.mjs with BENCH_CLIENT (the client metadata, as JSON) in its
// environment; prints `listening on <port>` once it answers. With BENCH_HTTP=tandem, the same
// provider is served through Tandem's own HTTP layer instead of a plain Node server: the kernel's
// createHttpServer (Fastify, security headers, cookies, metrics) and identity's hand-over of
// /oidc/* to the provider before Fastify (registerOidcRoutes): what that layer costs, with no
// storage behind it.
import { randomBytes } from "node:crypto";
import http from "node:http";
import { createServer } from "node:net";
import { exportJWK, generateKeyPair } from "jose";
import Provider from "oidc-provider";
import MemoryAdapter from "oidc-provider/lib/adapters/memory_adapter.js";
import LRU from "oidc-provider/lib/helpers/lru.js";

// As in createProvider.ts.
const ROUTES = {
  authorization: "/oidc/auth",
  token: "/oidc/token",
  userinfo: "/oidc/me",
  jwks: "/oidc/jwks",
  introspection: "/oidc/token/introspection",
  revocation: "/oidc/token/revocation",
  end_session: "/oidc/session/end",
  pushed_authorization_request: "/oidc/request",
  code_verification: "/oidc/device",
  device_authorization: "/oidc/device/auth",
  backchannel_authentication: "/oidc/backchannel",
  registration: "/oidc/reg",
  challenge: "/oidc/challenge",
};
const INTERACTION_PATH = "/oidc/interaction";
const TTL = {
  AuthorizationCode: 60,
  AccessToken: 600,
  ClientCredentials: 600,
  IdToken: 3600,
  RefreshToken: 14 * 24 * 3600,
  Grant: 14 * 24 * 3600,
  Session: 12 * 3600,
  Interaction: 3600,
};

/** The one account this provider knows, standing in for a signed-in Tandem user. */
const ACCOUNT = {
  id: "00000000-0000-4000-8000-000000000001",
  // The claims ProfileStore.claimsOf gives Tandem's first administrator.
  claims: {
    email: "admin@localhost",
    name: "Administrator",
    given_name: "Administrator",
    family_name: "Administrator",
    organisation: "Tandem",
    org_id: "00000000-0000-4000-8000-000000000002",
    home_federation: "FR",
    groups: [],
  },
};

const client = JSON.parse(process.env.BENCH_CLIENT ?? "null");
if (!client?.client_id) throw new Error("BENCH_CLIENT must hold the client metadata");
const firstParty = new Set([client.client_id]);

// As KeyStore creates Tandem's signing key.
const { privateKey } = await generateKeyPair("RS256", { extractable: true, modulusLength: 2048 });
const signingKey = {
  ...(await exportJWK(privateKey)),
  kid: `k${Date.now().toString(36)}`,
  alg: "RS256",
  use: "sig",
};

const viaTandemHttp = process.env.BENCH_HTTP === "tandem";

// The issuer must name the port, so the port is taken before the provider is built.
const server = viaTandemHttp ? undefined : http.createServer();
const port = server ? await listen(server) : await freePort();
const issuer = `http://127.0.0.1:${port}`;

// oidc-provider's in-memory adapter, as it makes it when none is configured, but with room for
// more than its 1000 entries: the benchmark keeps hundreds of sessions and grants alive while
// thousands of tokens a second pass through, and an evicted grant would fail its next refresh.
const store = new LRU({ maxSize: 200_000 });

const provider = new Provider(issuer, {
  adapter: (model) => new MemoryAdapter(model, store),
  clients: [client],
  jwks: { keys: [signingKey] },
  cookies: {
    keys: [randomBytes(32).toString("base64url")],
    long: { signed: true, secure: false, sameSite: "lax" },
    short: { signed: true, secure: false, sameSite: "lax" },
  },
  routes: ROUTES,
  interactions: { url: (_ctx, interaction) => `${INTERACTION_PATH}/${interaction.uid}` },
  responseTypes: ["code"],
  // "api": Tandem's scope for its own REST API (appAccessTokens.ts), offered to every client.
  scopes: ["openid", "offline_access", "email", "profile", "organisation", "groups", "api"],
  claims: {
    openid: ["sub", "acr", "amr"],
    email: ["email", "email_verified"],
    profile: ["name", "given_name", "family_name"],
    organisation: ["organisation", "org_id", "home_federation"],
    groups: ["groups"],
  },
  acrValues: ["eidas1", "eidas2", "eidas3"],
  pkce: { required: () => true },
  features: {
    devInteractions: { enabled: false },
    clientCredentials: { enabled: true },
    introspection: {
      enabled: true,
      allowedPolicy: (_ctx, current, token) => token.clientId === current.clientId,
    },
    revocation: { enabled: true },
    rpInitiatedLogout: { enabled: true },
    backchannelLogout: { enabled: true },
  },
  ttl: TTL,
  conformIdTokenClaims: false,
  rotateRefreshToken: () => true,
  async findAccount(_ctx, sub) {
    if (sub !== ACCOUNT.id) return undefined;
    return {
      accountId: ACCOUNT.id,
      claims: async () => ({ sub: ACCOUNT.id, email_verified: true, ...ACCOUNT.claims }),
    };
  },
  async loadExistingGrant(ctx) {
    const { client: current, session } = ctx.oidc;
    if (!current || !session?.accountId) return undefined;
    const grantId = ctx.oidc.result?.consent?.grantId ?? session.grantIdFor(current.clientId);
    if (grantId) return ctx.oidc.provider.Grant.find(grantId);
    if (!firstParty.has(current.clientId)) return undefined;
    const grant = new ctx.oidc.provider.Grant({
      accountId: session.accountId,
      clientId: current.clientId,
    });
    grant.addOIDCScope(String(ctx.oidc.params?.scope ?? "openid"));
    await grant.save();
    return grant;
  },
  renderError(ctx, out) {
    ctx.type = "html";
    ctx.body = `<!doctype html><title>Sign-in error</title><p>${String(out.error)}</p>`;
  },
});

/** Tandem's interaction step (packages/identity/src/api/interactions.ts), minus its sign-in check. */
async function interaction(req, res) {
  const details = await provider.interactionDetails(req, res);
  let result;
  if (details.prompt.name === "login") {
    result = {
      login: {
        accountId: ACCOUNT.id,
        acr: "eidas1",
        amr: ["pwd"],
        ts: Math.floor(Date.now() / 1000),
      },
    };
  } else if (details.prompt.name === "consent") {
    const clientId = String(details.params.client_id);
    if (!firstParty.has(clientId)) {
      result = { error: "access_denied", error_description: "not a first-party client" };
    } else {
      const grant = details.grantId
        ? await provider.Grant.find(details.grantId)
        : new provider.Grant({ accountId: details.session?.accountId, clientId });
      const missing = details.prompt.details;
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
  await provider.interactionFinished(req, res, result, { mergeWithLastSubmission: false });
}

const callback = provider.callback();
if (server) {
  server.on("request", (req, res) => {
    if (req.url?.startsWith(`${INTERACTION_PATH}/`)) {
      interaction(req, res).catch((error) => {
        res.statusCode = 500;
        res.end(String(error?.stack ?? error));
      });
      return;
    }
    callback(req, res);
  });
  process.on("SIGTERM", () => server.close(() => process.exit(0)));
} else {
  const kernel = await import("@tandem/kernel");
  const { registerOidcRoutes } = await import(
    new URL("../../packages/identity/dist/api/oidcRoutes.js", import.meta.url).href
  );
  const raw = new kernel.RawRoutes();
  const app = await kernel.createHttpServer({
    log: kernel.createLogger({ logLevel: "info", logFormat: "json" }),
    database: { engine: "sqlite", ping: async () => {} },
    metrics: kernel.createMetrics(),
    publicUrl: issuer,
    trustProxy: false,
    raw,
  });
  registerOidcRoutes(raw, { handler: callback });
  // As identity registers its interaction step: a Fastify route that hijacks the reply.
  app.get(`${INTERACTION_PATH}/:uid`, async (request, reply) => {
    reply.hijack();
    await interaction(request.raw, reply.raw);
  });
  await app.listen({ port, host: "127.0.0.1" });
  process.on("SIGTERM", () => app.close().then(() => process.exit(0)));
}
process.stdout.write(`listening on ${port}\n`);

function listen(plain) {
  return new Promise((resolve) =>
    plain.listen(0, "127.0.0.1", () => resolve(plain.address().port)),
  );
}

/** Port 0 gives a free port; it is released at once so Fastify can bind it. */
function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port: free } = probe.address();
      probe.close(() => resolve(free));
    });
  });
}
