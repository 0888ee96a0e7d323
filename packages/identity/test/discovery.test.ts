import { startTestServer, type TestServer } from "@tandem/testkit";
import { afterAll, beforeAll, describe, expect, test } from "vitest";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.close());

/** The provider metadata, as a relying party reads it (OpenID Discovery 1.0). */
async function discover(): Promise<Record<string, unknown> & { jwks_uri: string }> {
  const response = await fetch(`${server.url}/.well-known/openid-configuration`);
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toContain("application/json");
  return (await response.json()) as Record<string, unknown> & { jwks_uri: string };
}

describe("OpenID provider discovery", () => {
  test("the issuer is the public URL and the metadata says code flow with PKCE S256 only", async () => {
    const metadata = await discover();
    expect(metadata.issuer).toBe(server.url);
    expect(metadata.authorization_endpoint).toBe(`${server.url}/oidc/auth`);
    expect(metadata.token_endpoint).toBe(`${server.url}/oidc/token`);
    expect(metadata.code_challenge_methods_supported).toEqual(["S256"]);
    expect(metadata.response_types_supported).toEqual(["code"]);
    // No implicit flow: no grant type that hands tokens to the front channel.
    expect(metadata.grant_types_supported).not.toContain("implicit");
  });

  test("introspection, revocation, RP-initiated and back-channel logout are advertised", async () => {
    const metadata = await discover();
    expect(metadata.introspection_endpoint).toBe(`${server.url}/oidc/token/introspection`);
    expect(metadata.revocation_endpoint).toBe(`${server.url}/oidc/token/revocation`);
    expect(metadata.end_session_endpoint).toBe(`${server.url}/oidc/session/end`);
    expect(metadata.backchannel_logout_supported).toBe(true);
    expect(metadata.backchannel_logout_session_supported).toBe(true);
  });

  test("the JWKS publishes an RS256 signing key, public parts only", async () => {
    const metadata = await discover();
    expect(metadata.jwks_uri).toBe(`${server.url}/oidc/jwks`);
    const jwks = (await (await fetch(metadata.jwks_uri)).json()) as {
      keys: Array<Record<string, string>>;
    };
    const rs256 = jwks.keys.filter((k) => k.kty === "RSA" && k.alg === "RS256");
    expect(rs256.length).toBeGreaterThanOrEqual(1);
    for (const key of jwks.keys) {
      expect(key.kid).toBeTruthy();
      expect(key.use).toBe("sig");
      // A private exponent or CRT parameter in the JWKS would give the signing key away.
      for (const secret of ["d", "p", "q", "dp", "dq", "qi"])
        expect(key).not.toHaveProperty(secret);
    }
    expect(metadata.id_token_signing_alg_values_supported).toContain("RS256");
  });
});
