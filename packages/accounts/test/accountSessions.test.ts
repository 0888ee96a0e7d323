import { createHash } from "node:crypto";
import { AuditLog } from "@tandem/accounts";
import { type Database, openDatabase } from "@tandem/kernel";
import { ApiClient, buildUser, startTestServer, type TestServer } from "@tandem/testkit";
import { afterAll, beforeAll, describe, expect, test } from "vitest";

let server: TestServer;
/** The server's database, opened beside it to look at and age sessions. */
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

/** A user signed in from two browsers. */
async function twoBrowsers() {
  const { user, password } = await buildUser(server.tandem);
  const first = new ApiClient(server.url);
  const second = new ApiClient(server.url);
  expect((await first.signIn(user.email, password)).status).toBe(200);
  expect((await second.signIn(user.email, password)).status).toBe(200);
  return { user, password, first, second };
}

const secretOf = (client: ApiClient) => decodeURIComponent(client.cookie?.split("=")[1] ?? "");
const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

describe("GET /api/v1/account/sessions", () => {
  test("lists the user's live sessions, the current one marked, by public ids only", async () => {
    const { first, second } = await twoBrowsers();
    await twoBrowsers(); // someone else's sessions must not show
    const response = await first.request("GET", "/api/v1/account/sessions");
    expect(response.status).toBe(200);
    const { sessions } = response.json;
    expect(sessions).toHaveLength(2);
    for (const session of sessions) {
      expect(session).toEqual({
        id: expect.stringMatching(/^[0-9a-f]{24}$/),
        createdAt: expect.any(Number),
        lastSeenAt: expect.any(Number),
        expiresAt: expect.any(Number),
        current: expect.any(Boolean),
      });
    }
    expect(sessions.filter((s: { current: boolean }) => s.current)).toHaveLength(1);
    // Neither the session id (the secret's digest) nor the secret itself is sent.
    const text = response.text;
    for (const client of [first, second]) {
      expect(text).not.toContain(sha256(secretOf(client)));
      expect(text).not.toContain(sha256(secretOf(client)).slice(0, 24));
      expect(text).not.toContain(secretOf(client));
    }
    const fromSecond = (await second.request("GET", "/api/v1/account/sessions")).json.sessions;
    const currentOf = (list: Array<{ id: string; current: boolean }>) =>
      list.find((s) => s.current)?.id;
    expect(currentOf(fromSecond)).not.toBe(currentOf(sessions));
  });

  test("needs a signed-in user", async () => {
    const response = await new ApiClient(server.url).request("GET", "/api/v1/account/sessions");
    expect(response.status).toBe(401);
    expect(response.json).toEqual({ error: "unauthorized", message: "Sign in first." });
  });

  test("a session's last use is recorded, at most once a minute", async () => {
    const { first } = await twoBrowsers();
    const id = sha256(secretOf(first));
    const lastSeen = async () =>
      (
        await database.db
          .selectFrom("sessions")
          .select("last_seen_at")
          .where("id", "=", id)
          .executeTakeFirstOrThrow()
      ).last_seen_at;

    const recent = Date.now() - 10_000;
    await database.db
      .updateTable("sessions")
      .set({ last_seen_at: recent })
      .where("id", "=", id)
      .execute();
    expect((await first.request("GET", "/api/v1/me")).status).toBe(200);
    expect(Number(await lastSeen())).toBe(recent);

    const old = Date.now() - 5 * 60_000;
    await database.db
      .updateTable("sessions")
      .set({ last_seen_at: old })
      .where("id", "=", id)
      .execute();
    const before = Date.now();
    expect((await first.request("GET", "/api/v1/me")).status).toBe(200);
    expect(Number(await lastSeen())).toBeGreaterThanOrEqual(before);
    const listed = (await first.request("GET", "/api/v1/account/sessions")).json.sessions;
    expect(listed.find((s: { current: boolean }) => s.current).lastSeenAt).toBeGreaterThanOrEqual(
      before,
    );
  });
});

describe("DELETE /api/v1/account/sessions/:id", () => {
  test("ends another session of the user at once, and audits it", async () => {
    const { user, first, second } = await twoBrowsers();
    const { sessions } = (await first.request("GET", "/api/v1/account/sessions")).json;
    const other = sessions.find((s: { current: boolean }) => !s.current);
    const response = await first.request("DELETE", `/api/v1/account/sessions/${other.id}`);
    expect(response.status).toBe(204);
    expect((await second.request("GET", "/api/v1/me")).status).toBe(401);
    expect((await first.request("GET", "/api/v1/me")).status).toBe(200);
    const left = (await first.request("GET", "/api/v1/account/sessions")).json.sessions;
    expect(left).toHaveLength(1);
    expect(left[0].current).toBe(true);
    const events = await new AuditLog(database).query({ action: "sign_out", who: user.email });
    expect(events[0]).toMatchObject({
      outcome: "success",
      actorId: user.id,
      details: { session: other.id, from: "account" },
    });
  });

  test("another user's session, an unknown id or an ended one is a 404", async () => {
    const mine = await twoBrowsers();
    const theirs = await twoBrowsers();
    const theirList = (await theirs.first.request("GET", "/api/v1/account/sessions")).json.sessions;
    for (const session of theirList) {
      const response = await mine.first.request("DELETE", `/api/v1/account/sessions/${session.id}`);
      expect(response.status).toBe(404);
      expect(response.json).toEqual({ error: "not_found", message: "No such session." });
    }
    expect((await theirs.second.request("GET", "/api/v1/me")).status).toBe(200);
    expect((await theirs.first.request("GET", "/api/v1/me")).status).toBe(200);
    for (const id of ["0123456789abcdef01234567", "nope", sha256(secretOf(mine.second))]) {
      const response = await mine.first.request("DELETE", `/api/v1/account/sessions/${id}`);
      expect(response.status, id).toBe(404);
    }
    // The raw session id (the secret's digest) is not accepted in place of the public one.
    expect((await mine.second.request("GET", "/api/v1/me")).status).toBe(200);
    const tooLong = await mine.first.request(
      "DELETE",
      `/api/v1/account/sessions/${"a".repeat(65)}`,
    );
    expect(tooLong.status).toBe(400);
  });

  test("the current session is not ended here: that is signing out", async () => {
    const { first } = await twoBrowsers();
    const { sessions } = (await first.request("GET", "/api/v1/account/sessions")).json;
    const current = sessions.find((s: { current: boolean }) => s.current);
    const response = await first.request("DELETE", `/api/v1/account/sessions/${current.id}`);
    expect(response.status).toBe(400);
    expect(response.json.error).toBe("invalid_request");
    expect((await first.request("GET", "/api/v1/me")).status).toBe(200);
  });

  test("a request from another origin is refused", async () => {
    const { first, second } = await twoBrowsers();
    const { sessions } = (await first.request("GET", "/api/v1/account/sessions")).json;
    const other = sessions.find((s: { current: boolean }) => !s.current);
    const response = await first.request(
      "DELETE",
      `/api/v1/account/sessions/${other.id}`,
      undefined,
      {
        origin: "https://evil.example",
      },
    );
    expect(response.status).toBe(403);
    expect((await second.request("GET", "/api/v1/me")).status).toBe(200);
  });

  test("needs a signed-in user", async () => {
    const response = await new ApiClient(server.url).request(
      "DELETE",
      "/api/v1/account/sessions/0123456789abcdef01234567",
    );
    expect(response.status).toBe(401);
  });
});
