import type { AccountService, Revocations } from "@tandem/accounts";
import { CommitFailed, type Database, type Logger, withDeferredCommits } from "@tandem/kernel";
import Provider, { type Configuration, type KoaContextWithOIDC } from "oidc-provider";
import { errorPage } from "../api/errorPage.js";
import type { IdentityClaims } from "../organisations/ProfileStore.js";
import { kyselyAdapterFactory } from "../storage/KyselyAdapter.js";
import { API_SCOPE } from "./appAccessTokens.js";
import type { ClientStore } from "./ClientStore.js";
import { cacheClientLookups } from "./clientCache.js";
import { confirmSignOutPage, logoutSource, postLogoutSuccessSource } from "./pages.js";

/** Where the provider's endpoints live; the issuer is the site root so discovery is at /.well-known. */
export const OIDC_ROUTES = {
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
} as const;

export const INTERACTION_PATH = "/oidc/interaction";

export interface ProviderOptions {
  issuer: string;
  database: Database;
  accounts: AccountService;
  clients: ClientStore;
  /** The claims of an enabled account; undefined for a disabled or unknown one. */
  claimsOf(userId: string): Promise<IdentityClaims | undefined>;
  /** Whether claimsOf would answer, without reading the claims. */
  isEnabled(userId: string): Promise<boolean>;
  signingKeys: Configuration["jwks"];
  cookieKeys: string[];
  trustProxy: boolean;
  log: Logger;
  /** Told of every grant the provider revokes, so sockets its app tokens opened close. */
  revocations: Revocations;
  /** The grant an account gave a third-party client earlier, from any browser session. */
  rememberedGrant(accountId: string, clientId: string): Promise<string | undefined>;
  /** Ends the Tandem session of the request's cookies; returns the session cookie's name. */
  endTandemSession(cookieHeader: string | undefined): Promise<string>;
}

/** Token lifetimes in seconds. Codes live 60 s at most (ASVS); refresh tokens expire absolutely. */
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

/** Tandem's OpenID provider: oidc-provider configured per Tandem's security rules. */
export function createProvider(options: ProviderOptions): Provider {
  const secure = options.issuer.startsWith("https:");
  const configuration: Configuration = {
    adapter: kyselyAdapterFactory(options.database, async (grantId) => {
      // The tokens are gone whatever happens here; the sockets' periodic re-check finds it.
      await options.revocations
        .publish({ kind: "grant", grantId })
        .catch((error: unknown) =>
          options.log.warn({ err: error }, "a grant revocation was not published"),
        );
    }),
    jwks: options.signingKeys,
    cookies: {
      keys: options.cookieKeys,
      long: { signed: true, secure, sameSite: "lax" },
      short: { signed: true, secure, sameSite: "lax" },
    },
    routes: OIDC_ROUTES,
    interactions: { url: (_ctx, interaction) => `${INTERACTION_PATH}/${interaction.uid}` },
    // Code flow only: no implicit or hybrid responses (ASVS, OAuth 2.1).
    responseTypes: ["code"],
    scopes: ["openid", "offline_access", "email", "profile", "organisation", "groups", API_SCOPE],
    claims: {
      // How the user signed in (eIDAS level, methods): every ID token states it.
      openid: ["sub", "acr", "amr"],
      email: ["email", "email_verified"],
      profile: ["name", "given_name", "family_name"],
      organisation: ["organisation", "org_id", "home_federation"],
      groups: ["groups"],
    },
    // eIDAS levels as ProConnect names them: a password alone is eidas1.
    acrValues: ["eidas1", "eidas2", "eidas3"],
    // PKCE for every client, public or confidential; oidc-provider 9 knows only S256.
    pkce: { required: () => true },
    features: {
      devInteractions: { enabled: false },
      clientCredentials: { enabled: true },
      // A client learns about its own tokens only (oidc-provider's default lets any
      // confidential client introspect any token).
      introspection: {
        enabled: true,
        allowedPolicy: (_ctx, client, token) => token.clientId === client.clientId,
      },
      revocation: { enabled: true },
      rpInitiatedLogout: { enabled: true, logoutSource, postLogoutSuccessSource },
      backchannelLogout: { enabled: true },
    },
    ttl: TTL,
    // The ID token states the claims its scopes grant, not only userinfo: apps read it alone.
    conformIdTokenClaims: false,
    // oidc-provider refuses outgoing requests to private addresses (SSRF). Its only outgoing
    // requests here are back-channel logouts to URIs an administrator registered, which
    // are usually on the internal network: those must get through.
    fetch: (input, init = {}) => {
      const { dispatcher: _ssrfGuard, ...rest } = init as RequestInit & { dispatcher?: unknown };
      return fetch(input, rest);
    },
    // Always rotate: a refresh token is single-use, and a replayed one revokes its grant.
    rotateRefreshToken: () => true,
    // Every grant asks: one read gives the claims, and none for a disabled account. The
    // authorization endpoint only checks the account may still sign in: a lookup by key, the
    // claims read if ever asked for.
    async findAccount(ctx, sub) {
      if (ctx.oidc?.route === "authorization") {
        if (!(await options.isEnabled(sub))) return undefined;
        return {
          accountId: sub,
          claims: async () => {
            const claims = await options.claimsOf(sub);
            if (!claims) throw new Error("the account was disabled meanwhile");
            return { sub, email_verified: true, ...claims };
          },
        };
      }
      const claims = await options.claimsOf(sub);
      if (!claims) return undefined;
      return {
        accountId: sub,
        claims: async () => ({ sub, email_verified: true, ...claims }),
      };
    },
    // First-party clients (Tandem's own apps and those the administrator registers) need no
    // consent; third-party ones get the consent page (see api/interactions.ts).
    async loadExistingGrant(ctx: KoaContextWithOIDC) {
      const client = ctx.oidc.client;
      const session = ctx.oidc.session;
      if (!client || !session?.accountId) return undefined;
      const grantId = ctx.oidc.result?.consent?.grantId ?? session.grantIdFor(client.clientId);
      // A grant revoked since (from the account page) is gone: start again as for a new one.
      const known = grantId ? await ctx.oidc.provider.Grant.find(grantId) : undefined;
      if (known) return known;
      if (!(await options.clients.isFirstParty(client.clientId))) {
        // Third parties keep the consent they were given; none yet means the consent prompt.
        const remembered = await options.rememberedGrant(session.accountId, client.clientId);
        return remembered ? ctx.oidc.provider.Grant.find(remembered) : undefined;
      }
      const grant = new ctx.oidc.provider.Grant({
        accountId: session.accountId,
        clientId: client.clientId,
      });
      const requested = String(ctx.oidc.params?.scope ?? "openid");
      grant.addOIDCScope(requested);
      await grant.save();
      return grant;
    },
    renderError(ctx, out) {
      ctx.type = "html";
      ctx.body = errorPage(String(out.error), String(out.error_description ?? ""));
    },
  };
  const provider = new Provider(options.issuer, configuration);
  provider.proxy = options.trustProxy;
  cacheClientLookups(provider);
  provider.on("backchannel.error", (_ctx, error, client) =>
    options.log.warn({ err: error, clientId: client.clientId }, "back-channel logout failed"),
  );
  // Outermost: every answer waits until the writes behind it are committed, and the writes
  // themselves do not (prepared.ts), so a grant's three writes and its neighbours' share one
  // commit. Koa sends the answer only once this middleware has returned.
  provider.use(async (ctx, next) => {
    try {
      await withDeferredCommits(next);
    } catch (error) {
      if (!(error instanceof CommitFailed)) throw error;
      options.log.error({ err: error }, "an OpenID provider answer's writes were not committed");
      ctx.status = 500;
      ctx.type = "json";
      ctx.body = { error: "server_error", error_description: "storage failed" };
    }
  });
  // Without an app's id_token_hint, a sign-out request may come from any page: where
  // oidc-provider would answer with a form that submits itself (its session knows no
  // account, yet the browser may be signed in to Tandem), the user is asked instead.
  provider.use(async (ctx, next) => {
    await next();
    const { oidc } = ctx;
    if (
      oidc?.route === "end_session" &&
      ctx.status === 200 &&
      !oidc.params?.id_token_hint &&
      !oidc.session?.accountId &&
      typeof oidc.session?.state?.secret === "string"
    ) {
      confirmSignOutPage(ctx as KoaContextWithOIDC, {
        action: oidc.urlFor("end_session_confirm"),
        xsrf: oidc.session.state.secret,
      });
    }
  });
  // After a sign-out is confirmed ("yes"), Tandem's own session ends with the provider's.
  provider.use(async (ctx, next) => {
    await next();
    if (
      ctx.oidc?.route === "end_session_confirm" &&
      ctx.status === 303 &&
      ctx.oidc.params?.logout
    ) {
      const name = await options.endTandemSession(ctx.get("cookie"));
      ctx.cookies.set(name, null, { path: "/", secure: secure, overwrite: true });
    }
  });
  return provider;
}
