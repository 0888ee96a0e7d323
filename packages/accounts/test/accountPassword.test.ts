import { AuditLog } from "@tandem/accounts";
import { type Database, openDatabase } from "@tandem/kernel";
import { ApiClient, buildUser, startTestServer, type TestServer } from "@tandem/testkit";
import { afterAll, beforeAll, describe, expect, test } from "vitest";

let server: TestServer;
let database: Database;

beforeAll(async () => {
  server = await startTestServer();
  database = await openDatabase({
    databaseUrl: server.backend.databaseUrl,
    dataDir: server.backend.dataDir,
  });
});

afterAll(async () => {
  await database?.close();
  await server?.close();
});

const NEW = "a brand new passphrase for Tandem";

/** A user signed in from two browsers. */
async function twoBrowsers() {
  const { user, password } = await buildUser(server.tandem);
  const here = new ApiClient(server.url);
  const elsewhere = new ApiClient(server.url);
  expect((await here.signIn(user.email, password)).status).toBe(200);
  expect((await elsewhere.signIn(user.email, password)).status).toBe(200);
  return { user, password, here, elsewhere };
}

const change = (client: ApiClient, body: unknown) =>
  client.request("PUT", "/api/v1/account/password", body);

/** Whether this e-mail and password sign in now. */
async function signsIn(email: string, password: string): Promise<boolean> {
  return (await new ApiClient(server.url).signIn(email, password)).status === 200;
}

describe("PUT /api/v1/account/password", () => {
  test("changes the password, keeps this session, ends the others; audited", async () => {
    const { user, password, here, elsewhere } = await twoBrowsers();
    const { token } = await server.tandem.access.createToken(user, { expiresAt: null });
    const response = await change(here, { currentPassword: password, newPassword: NEW });
    expect(response.status, response.text).toBe(204);
    expect((await here.request("GET", "/api/v1/me")).status).toBe(200);
    expect((await elsewhere.request("GET", "/api/v1/me")).status).toBe(401);
    // Tokens are separate credentials with their own revocation: they keep working.
    expect(
      (await new ApiClient(server.url, { bearer: token }).request("GET", "/api/v1/me")).status,
    ).toBe(200);
    expect(await signsIn(user.email, NEW)).toBe(true);
    expect(await signsIn(user.email, password)).toBe(false);
    const [event] = await new AuditLog(database).query({
      action: "factor_changed",
      who: user.email,
    });
    expect(event).toMatchObject({
      outcome: "success",
      actorId: user.id,
      details: { factor: "password" },
    });
    expect(JSON.stringify(event)).not.toContain(NEW);
  });

  test("a wrong current password is a 401 and changes nothing", async () => {
    const { user, password, here, elsewhere } = await twoBrowsers();
    const response = await change(here, { currentPassword: "not my password", newPassword: NEW });
    expect(response.status).toBe(401);
    expect(response.json).toEqual({
      error: "invalid_credentials",
      message: "The current password is wrong.",
    });
    expect((await elsewhere.request("GET", "/api/v1/me")).status).toBe(200);
    expect(await signsIn(user.email, password)).toBe(true);
    const [event] = await new AuditLog(database).query({
      action: "factor_changed",
      who: user.email,
    });
    expect(event).toMatchObject({ outcome: "failure", details: { reason: "invalid_credentials" } });
  });

  test.each([
    ["a common password", "password1234", /most common passwords/],
    ["a short one", "short pw", /at least 12 characters/],
    ["a long one", "x".repeat(129), /at most 128 characters/],
  ])("%s as the new password is a 400 and changes nothing", async (_, newPassword, message) => {
    const { user, password, here, elsewhere } = await twoBrowsers();
    const response = await change(here, { currentPassword: password, newPassword });
    expect(response.status).toBe(400);
    expect(response.json.error).toBe("invalid_request");
    expect(response.json.message).toMatch(message);
    expect((await elsewhere.request("GET", "/api/v1/me")).status).toBe(200);
    expect(await signsIn(user.email, password)).toBe(true);
  });

  test("the same password again is a 400", async () => {
    const { password, here } = await twoBrowsers();
    const response = await change(here, { currentPassword: password, newPassword: password });
    expect(response.status).toBe(400);
    expect(response.json.message).toMatch(/differ/);
  });

  test.each([
    ["no body", undefined, /^currentPassword: /],
    ["no current password", { newPassword: NEW }, /^currentPassword: /],
    ["no new password", { currentPassword: "x" }, /^newPassword: /],
    ["a number", { currentPassword: 1, newPassword: NEW }, /^currentPassword: /],
  ])("%s is a 400", async (_, body, message) => {
    const { here } = await twoBrowsers();
    const response = await change(here, body);
    expect(response.status).toBe(400);
    expect(response.json).toEqual({
      error: "invalid_request",
      message: expect.stringMatching(message),
    });
  });

  test("repeated wrong current passwords are throttled like sign-ins", async () => {
    const { user, password, here } = await twoBrowsers();
    const statuses: number[] = [];
    for (let i = 0; i < 6; i += 1) {
      statuses.push(
        (await change(here, { currentPassword: `wrong ${i}`, newPassword: NEW })).status,
      );
    }
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses[5]).toBe(429);
    expect(await signsIn(user.email, NEW)).toBe(false);
    // The block is the sign-in's too: the same counts guard both.
    expect((await new ApiClient(server.url).signIn(user.email, password)).status).toBe(429);
  });

  test("needs a signed-in user; refused from another origin", async () => {
    const { user, password, here } = await twoBrowsers();
    const anonymous = await change(new ApiClient(server.url), {
      currentPassword: password,
      newPassword: NEW,
    });
    expect(anonymous.status).toBe(401);
    const cross = await here.request(
      "PUT",
      "/api/v1/account/password",
      { currentPassword: password, newPassword: NEW },
      { origin: "https://evil.example" },
    );
    expect(cross.status).toBe(403);
    expect(await signsIn(user.email, password)).toBe(true);
  });
});
