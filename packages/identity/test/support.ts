import { ClientStore, type NewClient } from "@tandem/identity";
import type { Database } from "@tandem/kernel";
import { buildUser, OidcUserAgent, runCli } from "@tandem/testkit";
import * as client from "openid-client";
import { expect } from "vitest";

/**
 * A loopback redirect URI nobody listens on: the user agent stops at the redirect to it
 * and never requests it, as a browser would hand it to a native app.
 */
export const REDIRECT_URI = "http://127.0.0.1:9/callback";

export interface TestClient {
  clientId: string;
  clientSecret?: string;
  redirectUri: string;
}

/** A client registered straight in the running server's database, as the CLI does. */
export async function registerClient(
  database: Database,
  overrides: Partial<NewClient> = {},
): Promise<TestClient> {
  const redirectUri = overrides.redirectUris?.[0] ?? REDIRECT_URI;
  const registered = await new ClientStore(database).add({
    name: "Test app",
    redirectUris: [redirectUri],
    ...overrides,
  });
  return {
    clientId: registered.client_id,
    clientSecret: registered.client_secret,
    redirectUri,
  };
}

/** A client registered with `tandem client add`, for servers running as their own process. */
export async function registerClientByCli(
  env: Record<string, string>,
  extraArgs: string[] = [],
  redirectUri = REDIRECT_URI,
): Promise<TestClient> {
  const added = await runCli(
    ["client", "add", "--name", "CLI app", "--redirect-uri", redirectUri, ...extraArgs],
    env,
  );
  if (added.code !== 0) throw new Error(`client add failed: ${added.stderr}`);
  const json = JSON.parse(added.stdout) as { client_id: string; client_secret?: string };
  return { clientId: json.client_id, clientSecret: json.client_secret, redirectUri };
}

/** The relying party's view of the provider, through discovery, as a real app starts. */
export function relyingParty(
  issuer: string,
  registered: TestClient,
): Promise<client.Configuration> {
  const auth = registered.clientSecret
    ? client.ClientSecretBasic(registered.clientSecret)
    : client.None();
  // The test issuer is plain http on loopback.
  return client.discovery(new URL(issuer), registered.clientId, undefined, auth, {
    execute: [client.allowInsecureRequests],
  });
}

/** A browser signed in to Tandem as a new user. */
export async function signedInAgent(
  url: string,
  tandem: Parameters<typeof buildUser>[0],
  overrides: Parameters<typeof buildUser>[1] = {},
) {
  const { user, password } = await buildUser(tandem, overrides);
  const agent = new OidcUserAgent();
  await agent.signIn(url, user.email, password);
  return { agent, user };
}

export interface AuthorizationAttempt {
  /** Where the provider sent the browser back: the redirect URI with `code` or `error`. */
  callback: URL;
  verifier: string;
  state: string;
  nonce: string;
}

/**
 * An authorization request's URL with PKCE S256, state and nonce, and the secrets the client
 * keeps for the token request. `params` adds to or overrides the request's parameters.
 */
export async function authorizationRequest(
  config: client.Configuration,
  redirectUri: string,
  params: Record<string, string> = {},
) {
  const verifier = client.randomPKCECodeVerifier();
  const state = client.randomState();
  const nonce = client.randomNonce();
  const url = client.buildAuthorizationUrl(config, {
    redirect_uri: redirectUri,
    scope: "openid profile email",
    code_challenge: await client.calculatePKCECodeChallenge(verifier),
    code_challenge_method: "S256",
    state,
    nonce,
    ...params,
  });
  return { url, verifier, state, nonce };
}

/** An authorization request (see authorizationRequest) run by the browser up to the redirect back. */
export async function authorize(
  config: client.Configuration,
  agent: OidcUserAgent,
  redirectUri: string,
  params: Record<string, string> = {},
): Promise<AuthorizationAttempt> {
  const { url, ...secrets } = await authorizationRequest(config, redirectUri, params);
  return { callback: await agent.authorize(url, redirectUri), ...secrets };
}

/** A whole code flow: authorization, then the code exchanged at the token endpoint. */
export async function codeFlow(
  config: client.Configuration,
  agent: OidcUserAgent,
  redirectUri: string,
  params: Record<string, string> = {},
) {
  const attempt = await authorize(config, agent, redirectUri, params);
  const tokens = await client.authorizationCodeGrant(config, attempt.callback, {
    pkceCodeVerifier: attempt.verifier,
    expectedState: attempt.state,
    expectedNonce: attempt.nonce,
  });
  return { ...attempt, tokens };
}

/** Refresh tokens need `offline_access`, which oidc-provider grants only with prompt=consent. */
export const OFFLINE = { scope: "openid offline_access", prompt: "consent" };

/**
 * Awaits a promise expected to fail with an OAuth error response; returns its error code.
 * A 401 with a WWW-Authenticate header reaches openid-client's caller as a challenge
 * error, its JSON body unread: the code is read from that body, as for any other error.
 */
export async function oauthError(pending: Promise<unknown>): Promise<{
  error: string;
  status: number;
}> {
  const failure = await pending.then(
    () => undefined,
    (error: unknown) => error,
  );
  if (failure instanceof client.WWWAuthenticateChallengeError) {
    const body = (await failure.response.json()) as { error: string };
    return { error: body.error, status: failure.status };
  }
  expect(failure, "the request should have failed").toBeInstanceOf(client.ResponseBodyError);
  const { error, status } = failure as client.ResponseBodyError;
  return { error, status };
}

/** RFC 7662 introspection by the client itself. */
export async function isActive(config: client.Configuration, token: string): Promise<boolean> {
  return (await client.tokenIntrospection(config, token)).active;
}

/**
 * A raw POST to the token endpoint, for requests no well-behaved client library would send.
 * A header given as null is left out (the form content type is sent unless told otherwise).
 */
export async function postToken(
  issuer: string,
  body: string,
  headers: Record<string, string | null> = {},
): Promise<{ status: number; contentType: string; text: string }> {
  const sent = new Headers({ "content-type": "application/x-www-form-urlencoded" });
  for (const [name, value] of Object.entries(headers)) {
    if (value === null) sent.delete(name);
    else sent.set(name, value);
  }
  // A byte body: fetch would add a text/plain content type to a string body.
  const response = await fetch(`${issuer}/oidc/token`, {
    method: "POST",
    headers: sent,
    body: new TextEncoder().encode(body),
  });
  return {
    status: response.status,
    contentType: response.headers.get("content-type") ?? "",
    text: await response.text(),
  };
}

/** HTTP Basic credentials for a confidential client (RFC 6749 §2.3.1). */
export function basicAuth(registered: TestClient): Record<string, string> {
  const encode = (s: string) => encodeURIComponent(s);
  const pair = `${encode(registered.clientId)}:${encode(registered.clientSecret ?? "")}`;
  return { authorization: `Basic ${Buffer.from(pair).toString("base64")}` };
}

/** The JOSE header of a compact JWT. */
export function jwtHeader(jwt: string): { alg: string; kid?: string; typ?: string } {
  const [encoded = ""] = jwt.split(".");
  return JSON.parse(Buffer.from(encoded, "base64url").toString("utf8"));
}
