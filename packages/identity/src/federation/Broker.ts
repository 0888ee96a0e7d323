import type { UserRow } from "@tandem/accounts";
import { type Database, Forbidden, InvalidRequest, TandemError } from "@tandem/kernel";
import type * as Oidc from "openid-client";
import { kyselyAdapterFactory } from "../storage/KyselyAdapter.js";
import type { AccountLinker } from "./AccountLinker.js";
import { acrSatisfies, mapClaims, scopesFor } from "./claimProfiles.js";
import { domainOf, type Upstream, type UpstreamStore } from "./UpstreamStore.js";

/** What is remembered between sending the user upstream and their return (10 minutes). */
interface Transaction {
  upstreamId: string;
  verifier: string;
  nonce: string;
  acrValues: string[];
  continueTo: string | null;
  [key: string]: unknown;
}

const TRANSACTION_SECONDS = 600;

/**
 * The upstream could not be reached or answered something openid-client refused (a bad
 * token, garbage for JSON): a 502, worded for the user; the library's text, meant for
 * developers, stays in the cause and the log.
 */
export class UpstreamFailed extends TandemError {
  constructor(upstreamName: string, options?: ErrorOptions) {
    super(
      502,
      "upstream_failed",
      `The sign-in with ${upstreamName} failed. Try again; if it fails again, tell your administrator.`,
      options,
    );
  }
}

/** Runs an exchange with the upstream; any error that is not Tandem's own becomes UpstreamFailed. */
async function withUpstream<T>(upstream: Upstream, exchange: () => Promise<T>): Promise<T> {
  try {
    return await exchange();
  } catch (error) {
    if (error instanceof TandemError) throw error;
    throw new UpstreamFailed(upstream.name, { cause: error });
  }
}

/** openid-client is loaded at the first federated sign-in: most instances never broker one. */
const client = () => import("openid-client");

/**
 * Tandem as a relying party of upstream identity providers: authorization code with
 * PKCE, state and nonce, the `iss` response parameter checked (RFC 9207), signatures
 * checked against the upstream's JWKS — all by openid-client.
 */
export class Broker {
  readonly #configurations = new Map<string, Promise<Oidc.Configuration>>();
  readonly #transactions;

  constructor(
    database: Database,
    private readonly upstreams: UpstreamStore,
    private readonly linker: AccountLinker,
    private readonly callbackUrl: string,
  ) {
    const Adapter = kyselyAdapterFactory(database);
    this.#transactions = new Adapter("FederationTransaction");
  }

  /** The upstream authorization URL for this sign-in. */
  async start(
    upstream: Upstream,
    options: { loginHint?: string; continueTo: string | null; acr: string[] },
  ): Promise<URL> {
    const config = await withUpstream(upstream, () => this.#configuration(upstream));
    const oidc = await client();
    const verifier = oidc.randomPKCECodeVerifier();
    const state = oidc.randomState();
    const nonce = oidc.randomNonce();
    const transaction: Transaction = {
      upstreamId: upstream.id,
      verifier,
      nonce,
      acrValues: options.acr,
      continueTo: options.continueTo,
    };
    await this.#transactions.upsert(state, transaction, TRANSACTION_SECONDS);
    return oidc.buildAuthorizationUrl(config, {
      redirect_uri: this.callbackUrl,
      scope: scopesFor(upstream.profile),
      code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
      code_challenge_method: "S256",
      state,
      nonce,
      ...(options.loginHint ? { login_hint: options.loginHint } : {}),
      ...(options.acr.length ? { acr_values: options.acr.join(" ") } : {}),
    });
  }

  /** Completes the sign-in the upstream answered; the account, created at its first sign-in. */
  async finish(currentUrl: URL): Promise<{
    user: UserRow;
    continueTo: string | null;
    upstream: Upstream;
    idToken: string;
    acr?: string;
    amr?: string[];
  }> {
    const state = currentUrl.searchParams.get("state");
    const transaction = state
      ? ((await this.#transactions.find(state)) as Transaction | undefined)
      : undefined;
    if (!state || !transaction)
      throw new InvalidRequest("this sign-in has expired or was already used; start again");
    // Single use: a replayed callback finds nothing.
    await this.#transactions.destroy(state);
    const upstream = await this.upstreams.byId(transaction.upstreamId);
    const error = currentUrl.searchParams.get("error");
    if (error) {
      throw new Forbidden(
        `${upstream.name} refused the sign-in: ${currentUrl.searchParams.get("error_description") ?? error}`,
      );
    }
    const { tokens, idClaims, userinfo } = await withUpstream(upstream, async () => {
      const config = await this.#configuration(upstream);
      const oidc = await client();
      const tokens = await oidc.authorizationCodeGrant(config, currentUrl, {
        pkceCodeVerifier: transaction.verifier,
        expectedState: state,
        expectedNonce: transaction.nonce,
        idTokenExpected: true,
      });
      const idClaims = tokens.claims();
      if (!idClaims) throw new InvalidRequest("the identity provider sent no ID token");
      const userinfo = await oidc.fetchUserInfo(config, tokens.access_token, idClaims.sub);
      return { tokens, idClaims, userinfo };
    });
    // Userinfo has the fullest claims (ProConnect states most only there); assurance comes from the ID token.
    const identity = mapClaims(upstream.profile, {
      ...idClaims,
      ...userinfo,
      acr: idClaims.acr,
      amr: idClaims.amr,
    });
    if (!upstream.domains.includes(domainOf(identity.email))) {
      throw new Forbidden(
        `${upstream.name} may not vouch for ${domainOf(identity.email)} addresses`,
      );
    }
    if (!acrSatisfies(identity.acr, transaction.acrValues)) {
      throw new Forbidden(
        `the sign-in at ${upstream.name} was weaker (${identity.acr ?? "none"}) than required (${transaction.acrValues.join(" ")})`,
      );
    }
    const user = await this.linker.accountFor(upstream, idClaims.sub, identity);
    return {
      user,
      continueTo: transaction.continueTo,
      upstream,
      idToken: tokens.id_token ?? "",
      acr: identity.acr,
      amr: identity.amr,
    };
  }

  /**
   * Where the browser ends its session at the upstream provider, or undefined when the
   * provider has no end-session endpoint.
   */
  async endSessionUrl(
    upstream: Upstream,
    idToken: string,
    returnTo: string,
  ): Promise<URL | undefined> {
    const config = await this.#configuration(upstream);
    if (!config.serverMetadata().end_session_endpoint) return undefined;
    return (await client()).buildEndSessionUrl(config, {
      id_token_hint: idToken,
      post_logout_redirect_uri: returnTo,
    });
  }

  #configuration(upstream: Upstream): Promise<Oidc.Configuration> {
    let config = this.#configurations.get(upstream.id);
    if (!config) {
      config = client().then((oidc) => this.#discover(oidc, upstream));
      // A failed discovery is retried at the next sign-in rather than remembered.
      config.catch(() => this.#configurations.delete(upstream.id));
      this.#configurations.set(upstream.id, config);
    }
    return config;
  }

  #discover(oidc: typeof Oidc, upstream: Upstream): Promise<Oidc.Configuration> {
    const insecure = upstream.issuer.startsWith("http:");
    const auth =
      upstream.profile === "proconnect"
        ? oidc.ClientSecretPost(upstream.clientSecret)
        : oidc.ClientSecretBasic(upstream.clientSecret);
    // ProConnect signs its userinfo answers; openid-client checks that signature.
    const metadata =
      upstream.profile === "proconnect" ? { userinfo_signed_response_alg: "RS256" } : undefined;
    return oidc.discovery(new URL(upstream.issuer), upstream.clientId, metadata, auth, {
      ...(insecure ? { execute: [oidc.allowInsecureRequests] } : {}),
    });
  }
}
