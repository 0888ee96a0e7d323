import { runCli, startTestServer, type TestServer } from "@tandem/testkit";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { basicAuth, postToken, registerClient, type TestClient } from "./support.js";

let server: TestServer;
let registered: TestClient;
beforeAll(async () => {
  server = await startTestServer();
  registered = await registerClient(server.tandem.database);
});
afterAll(() => server?.close());

/** The CLI on the running server's own data, as an operator would run it beside the server. */
const cli = (args: string[]) => runCli(args, server.backend.env);

describe("client add refuses bad input in one line, registering nothing", () => {
  test.each([
    ["no redirect URI", ["--name", "No Redirect"], /redirect-uri/],
    [
      "plain http off loopback",
      ["--name", "Plain Http", "--redirect-uri", "http://example.org/cb"],
      /must use https/,
    ],
    [
      "a fragment",
      ["--name", "With Fragment", "--redirect-uri", "https://app.example.org/cb#frag"],
      /fragment/,
    ],
    ["a relative URI", ["--name", "Relative", "--redirect-uri", "/cb"], /absolute URL/],
    [
      "a back-channel logout URI over plain http off loopback",
      [
        "--name",
        "Plain Logout",
        "--redirect-uri",
        "https://app.example.org/cb",
        "--backchannel-logout-uri",
        "http://app.example.org/logout",
      ],
      /must use https/,
    ],
  ])("%s", async (_what, args, message) => {
    const result = await cli(["client", "add", ...args]);
    expect(result.code).not.toBe(0);
    expect(result.stdout).toBe("");
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toMatch(/\n\s+at /);

    const name = args[args.indexOf("--name") + 1];
    const list = await cli(["client", "list"]);
    expect(list.code).toBe(0);
    const clients = JSON.parse(list.stdout) as Array<{ name: string }>;
    expect(clients.map((c) => c.name)).not.toContain(name);
  });
});

/** A standard OAuth error: JSON with an `error` code, a 4xx status, nothing of the server's insides. */
function expectOAuthError(
  response: { status: number; contentType: string; text: string },
  error: string,
) {
  expect(response.status).toBeGreaterThanOrEqual(400);
  expect(response.status).toBeLessThan(500);
  expect(response.contentType).toContain("application/json");
  expect(JSON.parse(response.text).error).toBe(error);
  expect(response.text).not.toMatch(/\bat \S+ \(|node_modules|\.js:\d+/);
}

describe("the token endpoint answers bad requests with OAuth errors, never a 500", () => {
  test.each([
    ["JSON instead of a form", '{"grant_type":"client_credentials"}', "application/json"],
    ["a text body", "grant_type=client_credentials", "text/plain"],
    ["no Content-Type header", "grant_type=client_credentials", null],
    ["an empty Content-Type header", "grant_type=client_credentials", ""],
  ])("%s is invalid_request", async (_what, body, contentType) => {
    const headers = { ...basicAuth(registered), "content-type": contentType };
    expectOAuthError(await postToken(server.url, body, headers), "invalid_request");
  });

  test("no grant_type, or two, is invalid_request", async () => {
    const auth = basicAuth(registered);
    expectOAuthError(await postToken(server.url, "", auth), "invalid_request");
    expectOAuthError(await postToken(server.url, "code=abc", auth), "invalid_request");
    expectOAuthError(
      await postToken(server.url, "grant_type=client_credentials&grant_type=refresh_token", auth),
      "invalid_request",
    );
  });

  test.each([
    ["password", "grant_type=password&username=a&password=b"],
    ["implicit", "grant_type=implicit"],
    ["an unknown URN", "grant_type=urn:example:nope"],
    ["a broken percent-encoding", "grant_type=%%%zz"],
  ])("grant_type %s is unsupported_grant_type", async (_what, body) => {
    expectOAuthError(
      await postToken(server.url, body, basicAuth(registered)),
      "unsupported_grant_type",
    );
  });

  test("a malformed Authorization header is invalid_request", async () => {
    expectOAuthError(
      await postToken(server.url, "grant_type=client_credentials", { authorization: "Basic !!" }),
      "invalid_request",
    );
  });

  test("a huge body is refused without a 500", async () => {
    const response = await postToken(server.url, `grant_type=${"x".repeat(2_000_000)}`, {
      ...basicAuth(registered),
    });
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
  });

  test("an unknown code is invalid_grant", async () => {
    const body = new URLSearchParams({
      grant_type: "authorization_code",
      code: "not-a-code",
      code_verifier: "x".repeat(43),
      redirect_uri: registered.redirectUri,
    });
    expectOAuthError(
      await postToken(server.url, body.toString(), basicAuth(registered)),
      "invalid_grant",
    );
  });
});

/**
 * A NUL (U+0000) cannot be stored or compared in PostgreSQL's text: these answered 500 there.
 * In the URL it is refused before oidc-provider sees it; in a form body, an id with one
 * is one nobody has, so each endpoint answers its own OAuth error.
 */
describe("a NUL in an OpenID request is an OAuth error, never a 500", () => {
  test("in the authorization request's query", async () => {
    const query = new URLSearchParams({
      client_id: "x\u0000y",
      response_type: "code",
      scope: "openid",
      redirect_uri: registered.redirectUri,
    });
    const response = await fetch(`${server.url}/oidc/auth?${query}`, { redirect: "manual" });
    expectOAuthError(
      {
        status: response.status,
        contentType: response.headers.get("content-type") ?? "",
        text: await response.text(),
      },
      "invalid_request",
    );
    expect(response.status).toBe(400);
  });

  test("in the path of a provider endpoint", async () => {
    const response = await fetch(`${server.url}/oidc/%00`);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: "invalid_request" });
  });

  test("a client_id in the token request's body", async () => {
    const body = "grant_type=client_credentials&client_id=x%00y&client_secret=s";
    expectOAuthError(await postToken(server.url, body), "invalid_client");
  });

  test.each([
    ["a code", "grant_type=authorization_code&code=x%00y&redirect_uri=", "invalid_grant"],
    ["a refresh token", "grant_type=refresh_token&refresh_token=x%00y&", "invalid_grant"],
  ])("%s in the token request's body", async (_what, body, error) => {
    const full = body.endsWith("=")
      ? `${body}${encodeURIComponent(registered.redirectUri)}&code_verifier=${"x".repeat(43)}`
      : body;
    expectOAuthError(await postToken(server.url, full, basicAuth(registered)), error);
  });

  test.each(["introspection", "revocation"])("a token sent to %s", async (endpoint) => {
    const response = await fetch(`${server.url}/oidc/token/${endpoint}`, {
      method: "POST",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        ...basicAuth(registered),
      },
      body: new TextEncoder().encode("token=x%00y"),
    });
    // RFC 7662 and 7009: an unknown token is inactive, or its revocation a no-op.
    expect(response.status).toBe(200);
    if (endpoint === "introspection") expect(await response.json()).toEqual({ active: false });
  });
});
