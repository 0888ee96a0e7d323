import { AuditLog } from "@tandem/accounts";
import { ApiClient, buildUser, startTestServer, type TestServer } from "@tandem/testkit";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { SoftAuthenticator } from "./softAuthenticator.js";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.close());

/** A signed-in user with one passkey, registered through the account routes. */
async function userWithPasskey(name = "Laptop") {
  const { user, password } = await buildUser(server.tandem);
  const client = new ApiClient(server.url);
  expect((await client.signIn(user.email, password)).status).toBe(200);
  const authenticator = new SoftAuthenticator(server.url);
  const options = await client.request("POST", "/api/v1/mfa/passkeys/options");
  expect(options.status).toBe(200);
  const added = await client.request("POST", "/api/v1/mfa/passkeys", {
    name,
    credential: authenticator.create(options.json),
  });
  expect(added.status, added.text).toBe(201);
  return { user, password, client, authenticator, passkeyId: added.json.id as string };
}

/** The password step, answered with a second-step challenge; no session. */
async function passwordStep(email: string, password: string) {
  const client = new ApiClient(server.url);
  const response = await client.signIn(email, password);
  expect(response.json).toMatchObject({ mfaRequired: true, methods: ["passkey"] });
  expect(client.cookie).toBeUndefined();
  const challenge = response.json.challenge as string;
  const options = await client.request("POST", "/api/v1/session/passkey/options", { challenge });
  expect(options.status).toBe(200);
  return { client, challenge, options: options.json };
}

const events = async (email: string) => new AuditLog(server.tandem.database).query({ who: email });

describe("passkeys (WebAuthn)", () => {
  test("registered from the account, listed, renamed and removed, each audited", async () => {
    const { user, client, passkeyId } = await userWithPasskey("Laptop");
    const listed = await client.request("GET", "/api/v1/mfa/passkeys");
    expect(listed.json.passkeys).toEqual([
      {
        id: passkeyId,
        name: "Laptop",
        createdAt: expect.any(Number),
        lastUsedAt: null,
        synced: false,
      },
    ]);
    expect((await client.request("GET", "/api/v1/mfa")).json.passkeys).toHaveLength(1);

    const renamed = await client.request("PATCH", `/api/v1/mfa/passkeys/${passkeyId}`, {
      name: "Work laptop",
    });
    expect(renamed.status).toBe(204);
    expect((await client.request("GET", "/api/v1/mfa/passkeys")).json.passkeys[0].name).toBe(
      "Work laptop",
    );
    expect((await client.request("DELETE", "/api/v1/mfa/passkeys/nope")).status).toBe(404);
    expect((await client.request("DELETE", `/api/v1/mfa/passkeys/${passkeyId}`)).status).toBe(204);
    expect((await client.request("GET", "/api/v1/mfa/passkeys")).json.passkeys).toEqual([]);

    const actions = (await events(user.email)).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(["passkey_added", "passkey_removed"]));
  });

  test("the second step after the password: a session, amr recorded, the use audited", async () => {
    const { user, password, authenticator } = await userWithPasskey();
    const { client, challenge, options } = await passwordStep(user.email, password);
    expect(options.allowCredentials).toHaveLength(1);
    expect(options.rpId).toBe("127.0.0.1");
    expect((await client.request("GET", "/api/v1/me")).status).toBe(401);

    const signedIn = await client.request("POST", "/api/v1/session/passkey", {
      challenge,
      credential: authenticator.get(options),
    });
    expect(signedIn.status, signedIn.text).toBe(200);
    expect(signedIn.json.user.id).toBe(user.id);
    expect((await client.request("GET", "/api/v1/me")).status).toBe(200);
    const mine = await client.request("GET", "/api/v1/mfa/passkeys");
    expect(mine.json.passkeys[0].lastUsedAt).toEqual(expect.any(Number));

    const audit = await events(user.email);
    expect(audit.some((e) => e.action === "passkey_used" && e.outcome === "success")).toBe(true);
    expect(audit.some((e) => e.action === "sign_in" && e.details.method === "passkey")).toBe(true);
  });

  test("wrong challenge, wrong origin, unknown passkey, replay: 400 and no session", async () => {
    const { user, password, authenticator } = await userWithPasskey();
    const refusedWith = async (
      build: (options: { challenge: string }) => unknown,
      reason: RegExp,
    ) => {
      const { client, challenge, options } = await passwordStep(user.email, password);
      const response = await client.request("POST", "/api/v1/session/passkey", {
        challenge,
        credential: build(options),
      });
      expect(response.status).toBe(400);
      expect(response.json.error).toBe("invalid_passkey");
      expect(response.json.message).toMatch(reason);
      expect(client.cookie).toBeUndefined();
    };
    await refusedWith(
      (o) => authenticator.get(o, { challenge: Buffer.from("not issued").toString("base64url") }),
      /challenge/,
    );
    await refusedWith((o) => authenticator.get(o, { origin: "https://evil.example" }), /origin/);
    const stranger = new SoftAuthenticator(server.url);
    stranger.create({ challenge: "x", user: { id: "someone" } });
    await refusedWith((o) => stranger.get(o), /not registered/);
    // Authenticator data announcing a credential it does not hold makes the library's parser
    // throw a RangeError: refused all the same, without the parser's words.
    const truncated = Buffer.alloc(37);
    truncated[32] = 0x40;
    await refusedWith((o) => {
      const assertion = authenticator.get(o) as { response: { authenticatorData: string } };
      assertion.response.authenticatorData = truncated.toString("base64url");
      return assertion;
    }, /^The passkey was not accepted: its answer cannot be read\.$/);

    // Replay: an assertion that signed in once is refused with a fresh password step.
    const first = await passwordStep(user.email, password);
    const assertion = authenticator.get(first.options);
    const ok = await first.client.request("POST", "/api/v1/session/passkey", {
      challenge: first.challenge,
      credential: assertion,
    });
    expect(ok.status).toBe(200);
    const second = await passwordStep(user.email, password);
    const replayed = await second.client.request("POST", "/api/v1/session/passkey", {
      challenge: second.challenge,
      credential: assertion,
    });
    expect(replayed.status).toBe(400);
    expect(replayed.json.message).toMatch(/challenge/);
    expect(second.client.cookie).toBeUndefined();

    // Malformed input is refused before any check, naming the field.
    const bad = await second.client.request("POST", "/api/v1/session/passkey", {
      challenge: second.challenge,
      credential: { id: "x" },
    });
    expect(bad.status).toBe(400);
    expect(bad.json.error).toBe("invalid_request");

    const refused = (await events(user.email)).filter((e) => e.action === "passkey_refused");
    expect(refused.length).toBeGreaterThanOrEqual(4);
  });

  test("a registration with a wrong origin or a used challenge stores nothing", async () => {
    const { user, password } = await buildUser(server.tandem);
    const client = new ApiClient(server.url);
    await client.signIn(user.email, password);
    const authenticator = new SoftAuthenticator(server.url);
    const options = (await client.request("POST", "/api/v1/mfa/passkeys/options")).json;
    const wrongOrigin = await client.request("POST", "/api/v1/mfa/passkeys", {
      name: "Phone",
      credential: authenticator.create(options, { origin: "https://evil.example" }),
    });
    expect(wrongOrigin.status).toBe(400);
    expect(wrongOrigin.json.error).toBe("invalid_passkey");
    // Its challenge is spent: the right origin with it is refused too.
    const reused = await client.request("POST", "/api/v1/mfa/passkeys", {
      name: "Phone",
      credential: authenticator.create(options),
    });
    expect(reused.status).toBe(400);
    expect((await client.request("GET", "/api/v1/mfa/passkeys")).json.passkeys).toEqual([]);
    // Still a password-only account.
    expect((await new ApiClient(server.url).signIn(user.email, password)).json.user).toBeDefined();

    // A personal access token cannot add one.
    const token = await server.tandem.access.createToken(user, { expiresAt: null });
    const bearer = new ApiClient(server.url, { bearer: token.token });
    expect((await bearer.request("POST", "/api/v1/mfa/passkeys/options")).status).toBe(403);
  });

  test("passwordless: a discoverable passkey alone signs in, user verification required", async () => {
    const { user, authenticator } = await userWithPasskey();
    const client = new ApiClient(server.url);
    const options = await client.request("POST", "/api/v1/session/passkey/options", {});
    expect(options.json.allowCredentials ?? []).toEqual([]);
    expect(options.json.userVerification).toBe("required");
    const signedIn = await client.request("POST", "/api/v1/session/passkey", {
      credential: authenticator.get(options.json),
    });
    expect(signedIn.status, signedIn.text).toBe(200);
    expect(signedIn.json.user.email).toBe(user.email);
    const audit = await events(user.email);
    expect(
      audit.some((e) => e.action === "sign_in" && e.details.method === "passwordless_passkey"),
    ).toBe(true);

    // A second-step challenge's WebAuthn challenge is not a passwordless one, nor the reverse.
    const other = await client.request("POST", "/api/v1/session/passkey/options", {});
    const mixed = await client.request("POST", "/api/v1/session/passkey", {
      challenge: "not-a-challenge",
      credential: authenticator.get(other.json),
    });
    expect(mixed.status).toBe(401);
    expect(mixed.json.error).toBe("invalid_challenge");
  });
});
