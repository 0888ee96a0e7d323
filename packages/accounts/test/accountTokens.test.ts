import { AuditLog, kernelMigrations, TOKEN_PREFIX } from "@tandem/accounts";
import { type Database, migrate, openDatabase } from "@tandem/kernel";
import {
  ApiClient,
  buildUser,
  createTestBackend,
  signedInClient,
  startTestServer,
  type TestServer,
} from "@tandem/testkit";
import { afterAll, beforeAll, describe, expect, test } from "vitest";

let server: TestServer;
let database: Database;
/** The first administrator, signed in. */
let admin: ApiClient;

beforeAll(async () => {
  server = await startTestServer();
  database = await openDatabase({
    databaseUrl: server.backend.databaseUrl,
    dataDir: server.backend.dataDir,
  });
  admin = new ApiClient(server.url);
  expect((await admin.signIn(server.admin.email, server.admin.password)).status).toBe(200);
});

afterAll(async () => {
  await database?.close();
  await server?.close();
});

const DAY = 86_400_000;

async function createToken(client: ApiClient, body: Record<string, unknown> = {}) {
  const response = await client.request("POST", "/api/v1/account/tokens", {
    name: "ci",
    expiresInDays: 30,
    scopes: ["api"],
    ...body,
  });
  expect(response.status, response.text).toBe(201);
  return response.json as { token: string; id: string; expiresAt: number | null };
}

const bearer = (token: string) => new ApiClient(server.url, { bearer: token });

describe("POST /api/v1/account/tokens", () => {
  test("creates a token, shown once, that stands for the user; audited", async () => {
    const { client, user } = await signedInClient(server.url, server.tandem);
    const before = Date.now();
    const created = await createToken(client, { name: "  deploy script  ", expiresInDays: 90 });
    expect(created).toEqual({
      id: expect.any(String),
      name: "deploy script",
      createdAt: expect.any(Number),
      expiresAt: expect.any(Number),
      lastUsedAt: null,
      scopes: ["api"],
      token: expect.stringMatching(new RegExp(`^${TOKEN_PREFIX}`)),
    });
    expect(created.expiresAt).toBeGreaterThanOrEqual(before + 90 * DAY);
    expect(created.expiresAt).toBeLessThanOrEqual(Date.now() + 90 * DAY);
    const me = await bearer(created.token).request("GET", "/api/v1/me");
    expect(me.status).toBe(200);
    expect(me.json.email).toBe(user.email);

    const [event] = await new AuditLog(database).query({
      action: "token_created",
      who: user.email,
    });
    expect(event).toMatchObject({
      outcome: "success",
      actorId: user.id,
      details: { tokenId: created.id, name: "deploy script", scopes: ["api"] },
    });
    expect(JSON.stringify(event)).not.toContain(created.token);
  });

  test("null expiresInDays makes a token that never expires", async () => {
    const { client } = await signedInClient(server.url, server.tandem);
    const created = await createToken(client, { expiresInDays: null });
    expect(created.expiresAt).toBeNull();
  });

  test.each([
    ["no body", undefined, "name"],
    ["no name", { expiresInDays: 30, scopes: ["api"] }, "name"],
    ["a blank name", { name: "   ", expiresInDays: 30, scopes: ["api"] }, "name"],
    ["a name too long", { name: "x".repeat(101), expiresInDays: 30, scopes: ["api"] }, "name"],
    ["no expiry", { name: "ci", scopes: ["api"] }, "expiresInDays"],
    ["0 days", { name: "ci", expiresInDays: 0, scopes: ["api"] }, "expiresInDays"],
    ["366 days", { name: "ci", expiresInDays: 366, scopes: ["api"] }, "expiresInDays"],
    ["days as text", { name: "ci", expiresInDays: "30", scopes: ["api"] }, "expiresInDays"],
    ["half days", { name: "ci", expiresInDays: 1.5, scopes: ["api"] }, "expiresInDays"],
    ["no scopes", { name: "ci", expiresInDays: 30, scopes: [] }, "scopes"],
    ["an unknown scope", { name: "ci", expiresInDays: 30, scopes: ["root"] }, "scopes.0"],
    ["scopes as text", { name: "ci", expiresInDays: 30, scopes: "api" }, "scopes"],
  ])("%s is a 400 naming the field, and creates nothing", async (_, body, field) => {
    const { client } = await signedInClient(server.url, server.tandem);
    const response = await client.request("POST", "/api/v1/account/tokens", body);
    expect(response.status).toBe(400);
    expect(response.json.error).toBe("invalid_request");
    expect(response.json.message).toMatch(new RegExp(`^${field.replace(".", "\\.")}: `));
    expect((await client.request("GET", "/api/v1/account/tokens")).json.tokens).toEqual([]);
  });

  test("malformed JSON is a 400", async () => {
    const { client } = await signedInClient(server.url, server.tandem);
    const response = await fetch(`${server.url}/api/v1/account/tokens`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        cookie: client.cookie ?? "",
        origin: server.url,
      },
      body: '{"name": ',
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: string }).error).toBe("invalid_request");
  });

  test("a token cannot make tokens; a member cannot have the scim or admin scope", async () => {
    const { client } = await signedInClient(server.url, server.tandem);
    const { token } = await createToken(client);
    const byToken = await bearer(token).request("POST", "/api/v1/account/tokens", {
      name: "child",
      expiresInDays: null,
      scopes: ["api"],
    });
    expect(byToken.status).toBe(403);
    const scim = await client.request("POST", "/api/v1/account/tokens", {
      name: "scim",
      expiresInDays: 30,
      scopes: ["api", "scim"],
    });
    expect(scim.status).toBe(403);
    const adminScope = await client.request("POST", "/api/v1/account/tokens", {
      name: "admin",
      expiresInDays: 30,
      scopes: ["api", "admin"],
    });
    expect(adminScope.status).toBe(403);
    expect(adminScope.json.message).toBe(
      'Only administrators may create tokens with the "admin" scope.',
    );
    expect((await client.request("GET", "/api/v1/account/tokens")).json.tokens).toHaveLength(1);
  });

  test("a cross-origin request with the cookie is refused; no cookie, no token", async () => {
    const { client } = await signedInClient(server.url, server.tandem);
    const body = { name: "x", expiresInDays: 30, scopes: ["api"] };
    const cross = await client.request("POST", "/api/v1/account/tokens", body, {
      origin: "https://evil.example",
    });
    expect(cross.status).toBe(403);
    const anonymous = await new ApiClient(server.url).request(
      "POST",
      "/api/v1/account/tokens",
      body,
    );
    expect(anonymous.status).toBe(401);
    expect((await client.request("GET", "/api/v1/account/tokens")).json.tokens).toEqual([]);
  });
});

describe("GET /api/v1/account/tokens", () => {
  test("lists the user's own tokens, never a secret or digest, newest first", async () => {
    const { client } = await signedInClient(server.url, server.tandem);
    const { client: other } = await signedInClient(server.url, server.tandem);
    const first = await createToken(client, { name: "first" });
    const second = await createToken(client, { name: "second", expiresInDays: null });
    await createToken(other, { name: "someone else's" });
    await bearer(first.token).request("GET", "/api/v1/me");
    const response = await client.request("GET", "/api/v1/account/tokens");
    expect(response.status).toBe(200);
    const { tokens } = response.json;
    expect(tokens.map((t: { name: string }) => t.name).sort()).toEqual(["first", "second"]);
    expect(tokens.find((t: { id: string }) => t.id === first.id).lastUsedAt).toEqual(
      expect.any(Number),
    );
    for (const t of tokens) {
      expect(Object.keys(t).sort()).toEqual(
        ["createdAt", "expiresAt", "id", "lastUsedAt", "name", "scopes"].sort(),
      );
    }
    expect(response.text).not.toContain(first.token);
    expect(response.text).not.toContain(second.token);
    expect(response.text).not.toContain(TOKEN_PREFIX);
  });

  test("offers the scopes the modules declared that the user may give a token", async () => {
    const { client } = await signedInClient(server.url, server.tandem);
    const member = await client.request("GET", "/api/v1/account/tokens");
    expect(member.json.scopes).toEqual([{ name: "api", adminOnly: false }]);
    const administrator = await admin.request("GET", "/api/v1/account/tokens");
    expect(administrator.json.scopes).toEqual([
      { name: "api", adminOnly: false },
      { name: "admin", adminOnly: true },
      { name: "scim", adminOnly: true },
    ]);
  });
});

describe("DELETE /api/v1/account/tokens/:id", () => {
  test("revokes the token at once; audited; a second revocation is a 404", async () => {
    const { client, user } = await signedInClient(server.url, server.tandem);
    const { token, id } = await createToken(client);
    const user1 = bearer(token);
    expect((await user1.request("GET", "/api/v1/me")).status).toBe(200);
    expect((await client.request("DELETE", `/api/v1/account/tokens/${id}`)).status).toBe(204);
    const after = await user1.request("GET", "/api/v1/me");
    expect(after.status).toBe(401);
    expect((await client.request("GET", "/api/v1/account/tokens")).json.tokens).toEqual([]);
    expect((await client.request("DELETE", `/api/v1/account/tokens/${id}`)).status).toBe(404);
    const [event] = await new AuditLog(database).query({
      action: "token_revoked",
      who: user.email,
    });
    expect(event).toMatchObject({ outcome: "success", actorId: user.id, details: { tokenId: id } });
  });

  test("a token can revoke itself", async () => {
    const { client } = await signedInClient(server.url, server.tandem);
    const { token, id } = await createToken(client);
    expect((await bearer(token).request("DELETE", `/api/v1/account/tokens/${id}`)).status).toBe(
      204,
    );
    expect((await bearer(token).request("GET", "/api/v1/me")).status).toBe(401);
  });

  test("another user's token or an unknown id is a 404, and the token keeps working", async () => {
    const { client } = await signedInClient(server.url, server.tandem);
    const { client: other } = await signedInClient(server.url, server.tandem);
    const theirs = await createToken(other);
    const response = await client.request("DELETE", `/api/v1/account/tokens/${theirs.id}`);
    expect(response.status).toBe(404);
    expect(response.json).toEqual({ error: "not_found", message: "No such token." });
    expect((await bearer(theirs.token).request("GET", "/api/v1/me")).status).toBe(200);
    const unknown = await client.request("DELETE", "/api/v1/account/tokens/no-such-token");
    expect(unknown.status).toBe(404);
    expect(
      (await new ApiClient(server.url).request("DELETE", `/api/v1/account/tokens/${theirs.id}`))
        .status,
    ).toBe(401);
  });
});

describe("scopes", () => {
  test("the REST API needs the api scope; SCIM needs the scim scope", async () => {
    const apiOnly = await createToken(admin, { scopes: ["api"] });
    const scimOnly = await createToken(admin, { scopes: ["scim"] });
    const both = await createToken(admin, { scopes: ["scim", "api", "api"] });
    expect((both as unknown as { scopes: string[] }).scopes).toEqual(["api", "scim"]);

    const me = (token: string) => bearer(token).request("GET", "/api/v1/me");
    const scim = (token: string) => bearer(token).request("GET", "/scim/v2/Users");
    expect((await me(apiOnly.token)).status).toBe(200);
    const refused = await me(scimOnly.token);
    expect(refused.status).toBe(403);
    expect(refused.json).toEqual({
      error: "insufficient_scope",
      message: 'This access token lacks the "api" scope.',
    });
    expect((await bearer(scimOnly.token).request("GET", "/api/v1/account/tokens")).status).toBe(
      403,
    );
    expect((await me(both.token)).status).toBe(200);

    expect((await scim(apiOnly.token)).status).toBe(403);
    expect((await scim(scimOnly.token)).status).toBe(200);
    expect((await scim(both.token)).status).toBe(200);
  });

  test("a token made without scopes (the CLI's) may do what a token could before scopes", async () => {
    const adminRow = await server.tandem.accounts.byEmail(server.admin.email);
    const created = await server.tandem.access.createToken(adminRow, { expiresAt: null });
    expect(created.scopes).toEqual(["api", "scim", "admin"]);
    expect((await bearer(created.token).request("GET", "/api/v1/me")).status).toBe(200);
    expect((await bearer(created.token).request("GET", "/scim/v2/Users")).status).toBe(200);
    const audit = await bearer(created.token).request("GET", "/api/v1/admin/audit");
    expect(audit.status).toBe(200);
    const { user } = await buildUser(server.tandem);
    const member = await server.tandem.access.createToken(user, { expiresAt: null });
    expect(member.scopes).toEqual(["api", "scim"]);
  });

  test("the admin API needs the admin scope; an administrator may make such a token", async () => {
    const apiOnly = await createToken(admin, { scopes: ["api"] });
    const withAdmin = await createToken(admin, { scopes: ["admin", "api"] });
    expect((withAdmin as unknown as { scopes: string[] }).scopes).toEqual(["api", "admin"]);
    const audit = (token: string) => bearer(token).request("GET", "/api/v1/admin/audit");
    const refused = await audit(apiOnly.token);
    expect(refused.status).toBe(403);
    expect(refused.json).toEqual({
      error: "insufficient_scope",
      message: 'This access token lacks the "admin" scope.',
    });
    expect((await audit(withAdmin.token)).status).toBe(200);
    expect((await bearer(apiOnly.token).request("GET", "/api/v1/admin/instances")).status).toBe(
      403,
    );
    expect((await bearer(withAdmin.token).request("GET", "/api/v1/admin/instances")).status).toBe(
      200,
    );
  });

  test("migration 0003 keeps what the tokens there before it could do: api and scim", async () => {
    const backend = await createTestBackend();
    const db = await openDatabase({ databaseUrl: backend.databaseUrl, dataDir: backend.dataDir });
    try {
      const {
        "0003_token_scopes": _,
        "0004_mail_outbox": _later,
        "0005_login_known_sources": _latest,
        ...before
      } = kernelMigrations.migrations;
      await migrate(db, [{ module: "kernel", migrations: before }]);
      await db.db
        .insertInto("users")
        .values({
          id: "u1",
          email: "old@example.org",
          name: "Old",
          role: "admin",
          password_hash: null,
          created_at: 1,
          disabled_at: null,
        })
        .execute();
      // biome-ignore lint/suspicious/noExplicitAny: the table as it was, without the scopes column
      await (db.db as any)
        .insertInto("personal_access_tokens")
        .values({
          id: "t1",
          user_id: "u1",
          name: "old",
          token_hash: "h1",
          created_at: 1,
          expires_at: null,
          last_used_at: null,
          revoked_at: null,
        })
        .execute();
      expect(await migrate(db, [kernelMigrations])).toEqual([
        { module: "kernel", name: "0003_token_scopes" },
        { module: "kernel", name: "0004_mail_outbox" },
        { module: "kernel", name: "0005_login_known_sources" },
      ]);
      const row = await db.db
        .selectFrom("personal_access_tokens")
        .select("scopes")
        .executeTakeFirstOrThrow();
      expect(JSON.parse(row.scopes)).toEqual(["api", "scim"]);
    } finally {
      await db.close();
      await backend.dispose();
    }
  });
});
