import { AuditLog, TOTP_PERIOD_S, totpCodeAt } from "@tandem/accounts";
import { ApiClient, buildUser, startTestServer, type TestServer } from "@tandem/testkit";
import { afterAll, beforeAll, describe, expect, test } from "vitest";

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});

afterAll(async () => {
  await server?.close();
});

const STEP = TOTP_PERIOD_S * 1000;

/**
 * The code an app shows `steps` steps from now. The server accepts one step either side, and
 * refuses a step once used, so a flow takes the previous step, then this one, then the next.
 */
const codeIn = (secret: string, steps: number) => totpCodeAt(secret, Date.now() + steps * STEP);

/** A signed-in user who set up an authenticator app with the previous step's code. */
async function enrolledUser() {
  const { user, password } = await buildUser(server.tandem);
  const client = new ApiClient(server.url);
  expect((await client.signIn(user.email, password)).status).toBe(200);
  const enrolment = await client.request("POST", "/api/v1/mfa/totp/enrol");
  expect(enrolment.status).toBe(200);
  const secret: string = enrolment.json.secret;
  const confirmed = await client.request("POST", "/api/v1/mfa/totp/confirm", {
    code: codeIn(secret, -1),
  });
  expect(confirmed.status).toBe(200);
  return {
    user,
    password,
    secret,
    client,
    recoveryCodes: confirmed.json.recoveryCodes as string[],
  };
}

/** The password step for an account with TOTP: the challenge, and no session yet. */
async function passwordStep(email: string, password: string) {
  const client = new ApiClient(server.url);
  const response = await client.signIn(email, password);
  expect(response.status).toBe(200);
  expect(Object.keys(response.json).sort()).toEqual(["challenge", "methods", "mfaRequired"]);
  expect(response.json.methods).toEqual(["totp"]);
  expect(response.json.mfaRequired).toBe(true);
  expect(client.cookie).toBeUndefined();
  return { client, challenge: response.json.challenge as string };
}

describe("TOTP over the REST API", () => {
  test("enrol, confirm and status; a wrong first code activates nothing", async () => {
    const { user, password } = await buildUser(server.tandem);
    const client = new ApiClient(server.url);
    await client.signIn(user.email, password);
    const before = await client.request("GET", "/api/v1/mfa");
    expect(before.json).toEqual({
      totp: { enabled: false, confirmedAt: null },
      recoveryCodesLeft: 0,
      passkeys: [],
    });

    const enrolment = await client.request("POST", "/api/v1/mfa/totp/enrol");
    expect(Object.keys(enrolment.json).sort()).toEqual(["otpauthUrl", "qrDataUrl", "secret"]);
    expect(enrolment.json.otpauthUrl).toContain(`secret=${enrolment.json.secret}`);
    expect(enrolment.json.qrDataUrl).toMatch(/^data:image\/png;base64,/);

    const wrong = await client.request("POST", "/api/v1/mfa/totp/confirm", { code: "12345" });
    expect(wrong.status).toBe(401);
    expect(wrong.json.error).toBe("invalid_credentials");
    expect((await client.request("GET", "/api/v1/mfa")).json.totp.enabled).toBe(false);
    // Not yet confirmed: the password alone still signs in.
    expect((await new ApiClient(server.url).signIn(user.email, password)).json.user).toBeDefined();

    const confirmed = await client.request("POST", "/api/v1/mfa/totp/confirm", {
      code: codeIn(enrolment.json.secret, 0),
    });
    expect(confirmed.status).toBe(200);
    expect(confirmed.json.recoveryCodes).toHaveLength(10);
    const after = await client.request("GET", "/api/v1/mfa");
    expect(after.json).toMatchObject({ totp: { enabled: true }, recoveryCodesLeft: 10 });
    expect(typeof after.json.totp.confirmedAt).toBe("number");
  });

  test("sign-in: password, then a code; a new session; the code refused a second time", async () => {
    const { user, password, secret } = await enrolledUser();
    const { client, challenge } = await passwordStep(user.email, password);
    expect((await client.request("GET", "/api/v1/me")).status).toBe(401);

    const code = codeIn(secret, 0);
    const signedIn = await client.request("POST", "/api/v1/session/mfa", { challenge, code });
    expect(signedIn.status).toBe(200);
    expect(signedIn.json).toEqual({
      user: { id: user.id, email: user.email, name: user.name, isAdmin: false, disabled: false },
    });
    expect(client.cookie).toBeDefined();
    expect((await client.request("GET", "/api/v1/me")).status).toBe(200);

    // The challenge is used up.
    const again = await client.request("POST", "/api/v1/session/mfa", { challenge, code });
    expect(again.status).toBe(401);
    expect(again.json.error).toBe("invalid_challenge");

    // The same code with a fresh challenge: refused, it was used in its window.
    const second = await passwordStep(user.email, password);
    const replay = await second.client.request("POST", "/api/v1/session/mfa", {
      challenge: second.challenge,
      code,
    });
    expect(replay.status).toBe(401);
    expect(replay.json.error).toBe("invalid_credentials");
    expect(second.client.cookie).toBeUndefined();

    const events = await new AuditLog(server.tandem.database).query({ who: user.email });
    const signIns = events.filter((e) => e.action === "sign_in");
    expect(signIns[0]).toMatchObject({ outcome: "failure", details: { method: "totp" } });
    expect(signIns.some((e) => e.outcome === "success" && e.details.method === "totp")).toBe(true);
    const changes = events
      .filter((e) => e.action === "factor_changed")
      .map((e) => e.details.change);
    expect(changes).toEqual(expect.arrayContaining(["enrolment_started", "confirmed"]));
  });

  test("a recovery code signs in once", async () => {
    const { user, password, recoveryCodes } = await enrolledUser();
    const code = recoveryCodes[3] ?? "";
    const first = await passwordStep(user.email, password);
    const ok = await first.client.request("POST", "/api/v1/session/mfa", {
      challenge: first.challenge,
      code,
    });
    expect(ok.status).toBe(200);
    const second = await passwordStep(user.email, password);
    const refused = await second.client.request("POST", "/api/v1/session/mfa", {
      challenge: second.challenge,
      code,
    });
    expect(refused.status).toBe(401);
    const [latest] = await new AuditLog(server.tandem.database).query({
      who: user.email,
      action: "sign_in",
    });
    expect(latest).toMatchObject({ outcome: "failure", details: { method: "recovery_code" } });
    expect((await first.client.request("GET", "/api/v1/mfa")).json.recoveryCodesLeft).toBe(9);
  });

  test("wrong codes are throttled per account, and the right password does not reset them", async () => {
    const { user, password, secret } = await enrolledUser();
    const { client, challenge } = await passwordStep(user.email, password);
    const statuses: number[] = [];
    for (let i = 0; i < 5; i += 1) {
      const wrong = await client.request("POST", "/api/v1/session/mfa", {
        challenge,
        code: "000000",
      });
      statuses.push(wrong.status);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401]);
    // Hold the block (a real one lasts 1 s: too short to observe reliably).
    const hold = (ms: number) =>
      server.tandem.database.db
        .updateTable("login_throttle")
        .set({ blocked_until: Date.now() + ms })
        .where("blocked_until", "is not", null)
        .execute();
    await hold(60_000);
    const again = await passwordStep(user.email, password);
    const refused = await again.client.request("POST", "/api/v1/session/mfa", {
      challenge: again.challenge,
      code: codeIn(secret, 0),
    });
    expect(refused.status).toBe(429);
    expect(refused.json.error).toBe("too_many_attempts");
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);

    await hold(-1);
    const ok = await again.client.request("POST", "/api/v1/session/mfa", {
      challenge: again.challenge,
      code: codeIn(secret, 0),
    });
    expect(ok.status).toBe(200);
  });

  test("regenerating recovery codes and turning TOTP off take a proof", async () => {
    const { user, password, secret, client, recoveryCodes } = await enrolledUser();
    expect(
      (await client.request("POST", "/api/v1/mfa/recovery-codes", { code: "000000" })).status,
    ).toBe(401);
    const renewed = await client.request("POST", "/api/v1/mfa/recovery-codes", {
      code: codeIn(secret, 0),
    });
    expect(renewed.status).toBe(200);
    expect(renewed.json.recoveryCodes).toHaveLength(10);
    expect(renewed.json.recoveryCodes).not.toContain(recoveryCodes[0]);

    expect((await client.request("DELETE", "/api/v1/mfa/totp", {})).status).toBe(400);
    const wrong = await client.request("DELETE", "/api/v1/mfa/totp", { password: "not it at all" });
    expect(wrong.status).toBe(401);
    const off = await client.request("DELETE", "/api/v1/mfa/totp", { code: codeIn(secret, 1) });
    expect(off.status).toBe(204);
    expect((await client.request("GET", "/api/v1/mfa")).json.totp.enabled).toBe(false);

    // The password alone signs in again, with the unchanged response.
    const plain = await new ApiClient(server.url).signIn(user.email, password);
    expect(Object.keys(plain.json)).toEqual(["user"]);

    const changes = (await new AuditLog(server.tandem.database).query({ who: user.email }))
      .filter((e) => e.action === "factor_changed")
      .map((e) => `${e.details.change}:${e.outcome}`);
    expect(changes).toEqual(
      expect.arrayContaining([
        "recovery_codes_regenerated:success",
        "recovery_codes_regenerated:failure",
        "disabled:failure",
        "disabled:success",
      ]),
    );
  });

  test("factors change only from a browser session", async () => {
    const client = new ApiClient(server.url);
    expect((await client.request("POST", "/api/v1/mfa/totp/enrol")).status).toBe(401);
    expect((await client.request("GET", "/api/v1/mfa")).status).toBe(401);
  });
});
