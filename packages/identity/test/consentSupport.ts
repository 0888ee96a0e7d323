import { type OidcUserAgent, sameEndpoint } from "@tandem/testkit";
import * as client from "openid-client";
import { expect } from "vitest";
import { authorizationRequest } from "./support.js";

/** How an authorization request ended for the browser: back at the app, or on the consent page. */
export type Outcome =
  | { kind: "callback"; callback: URL }
  | { kind: "consent"; uid: string; page: URL };

export interface Attempt {
  verifier: string;
  state: string;
  nonce: string;
  outcome: Outcome;
}

/** The consent page is the web app's: the test stops where the browser would load it. */
export async function follow(
  agent: OidcUserAgent,
  url: URL | string,
  redirectUri: string,
): Promise<Outcome> {
  const stopped = await agent.follow(
    url,
    (next) => next.pathname === "/consent" || sameEndpoint(next, new URL(redirectUri)),
  );
  const location = stopped.location;
  if (!location) throw new Error(`authorization stopped at ${stopped.url} (${stopped.status})`);
  if (location.pathname !== "/consent") return { kind: "callback", callback: location };
  return { kind: "consent", uid: location.searchParams.get("interaction") ?? "", page: location };
}

/** An authorization request with PKCE, state and nonce, run by the browser up to its outcome. */
export async function startAuthorization(
  config: client.Configuration,
  agent: OidcUserAgent,
  redirectUri: string,
  params: Record<string, string> = {},
): Promise<Attempt> {
  const { url, ...secrets } = await authorizationRequest(config, redirectUri, params);
  return { ...secrets, outcome: await follow(agent, url, redirectUri) };
}

/** The consent page's own API calls, as the web app makes them from Tandem's origin. */
export async function consentApi(
  agent: OidcUserAgent,
  base: string,
  method: "GET" | "POST",
  uid: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; json: Record<string, unknown> }> {
  const response = await agent.fetch(new URL(`/api/v1/consent/${uid}`, base), {
    method,
    headers: {
      origin: new URL(base).origin,
      ...(body === undefined ? {} : { "content-type": "application/json" }),
      ...headers,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, json: text ? JSON.parse(text) : {} };
}

/** Answers the consent page and follows the browser back to the app. */
export async function answer(
  agent: OidcUserAgent,
  base: string,
  uid: string,
  decision: "allow" | "deny",
  redirectUri: string,
): Promise<URL> {
  const answered = await consentApi(agent, base, "POST", uid, { decision });
  expect(answered.status, JSON.stringify(answered.json)).toBe(200);
  const redirectTo = String(answered.json.redirectTo);
  expect(redirectTo).toMatch(/^\/oidc\/auth\/[\w-]+$/);
  const outcome = await follow(agent, new URL(redirectTo, base), redirectUri);
  if (outcome.kind !== "callback") throw new Error("the answered consent asked again");
  return outcome.callback;
}

/** The code at `callback` exchanged for tokens, every check of openid-client on. */
export function exchange(config: client.Configuration, callback: URL, attempt: Attempt) {
  return client.authorizationCodeGrant(config, callback, {
    pkceCodeVerifier: attempt.verifier,
    expectedState: attempt.state,
    expectedNonce: attempt.nonce,
  });
}

/** The attempt's outcome, which must be the consent page. */
export function consentUid(attempt: Attempt): string {
  if (attempt.outcome.kind !== "consent") {
    throw new Error(`expected the consent page, got ${attempt.outcome.callback.href}`);
  }
  return attempt.outcome.uid;
}
