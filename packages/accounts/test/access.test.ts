import { createHash, randomBytes } from "node:crypto";
import {
  AccessService,
  AccountService,
  kernelMigrations,
  TOKEN_PREFIX,
  type UserRow,
} from "@tandem/accounts";
import { type Database, InvalidRequest, migrate, openDatabase } from "@tandem/kernel";
import { createTestBackend, type TestBackend } from "@tandem/testkit";
import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";

const SESSION_MINUTES = 30;
const HOUR = 3_600_000;

let backend: TestBackend;
let database: Database;
let accounts: AccountService;
let access: AccessService;
let ada: UserRow;
let bob: UserRow;

beforeAll(async () => {
  backend = await createTestBackend();
  database = await openDatabase({ databaseUrl: backend.databaseUrl, dataDir: backend.dataDir });
  await migrate(database, [kernelMigrations]);
  accounts = new AccountService(database);
  access = new AccessService(database, { sessionMinutes: SESSION_MINUTES });
});

afterAll(async () => {
  await database?.close();
  await backend?.dispose();
});

// Users without a password: tokens and sessions do not need one, and scrypt would dominate the time.
beforeEach(async () => {
  await database.db.deleteFrom("users").execute();
  ada = await accounts.create({ email: "ada@example.org", name: "Ada" });
  bob = await accounts.create({ email: "bob@example.org", name: "Bob" });
});

const sha256 = (secret: string) => createHash("sha256").update(secret).digest("hex");

/** Every value of every row of a table, as one string, to look for a secret in it. */
async function dump(table: "personal_access_tokens" | "sessions"): Promise<string> {
  return JSON.stringify(await database.db.selectFrom(table).selectAll().execute());
}

async function setColumn(
  table: "personal_access_tokens" | "sessions",
  column: string,
  value: number,
) {
  await database.db
    .updateTable(table)
    .set({ [column]: value })
    .execute();
}

describe("personal access tokens", () => {
  test("a new token is tdm_pat_… and stands for its user", async () => {
    const { token, id, expiresAt } = await access.createToken(ada, { name: "ci", expiresAt: null });
    expect(token.startsWith(TOKEN_PREFIX)).toBe(true);
    expect(TOKEN_PREFIX).toBe("tdm_pat_");
    expect(token.length).toBeGreaterThan(TOKEN_PREFIX.length + 40);
    expect(id).toEqual(expect.any(String));
    expect(expiresAt).toBeNull();
    expect(await access.userForToken(token)).toEqual(ada);
  });

  test("each token is different, and each names its own user", async () => {
    const a = await access.createToken(ada, { expiresAt: null });
    const b = await access.createToken(bob, { expiresAt: null });
    expect(a.token).not.toBe(b.token);
    expect((await access.userForToken(a.token))?.email).toBe("ada@example.org");
    expect((await access.userForToken(b.token))?.email).toBe("bob@example.org");
  });

  test("the database keeps only the SHA-256 digest of a token", async () => {
    const { token } = await access.createToken(ada, { name: "ci", expiresAt: null });
    const rows = await database.db.selectFrom("personal_access_tokens").selectAll().execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ user_id: ada.id, name: "ci", token_hash: sha256(token) });
    const stored = await dump("personal_access_tokens");
    expect(stored).not.toContain(token);
    expect(stored).not.toContain(token.slice(TOKEN_PREFIX.length));
  });

  test("using a token records when", async () => {
    const { token } = await access.createToken(ada, { expiresAt: null });
    const before = Date.now();
    await access.userForToken(token);
    const row = await database.db
      .selectFrom("personal_access_tokens")
      .select("last_used_at")
      .executeTakeFirst();
    expect(row?.last_used_at).toBeGreaterThanOrEqual(before);
  });

  test("a token with a future expiry works until it expires", async () => {
    const { token } = await access.createToken(ada, { expiresAt: Date.now() + HOUR });
    expect(await access.userForToken(token)).toEqual(ada);
    await setColumn("personal_access_tokens", "expires_at", Date.now() - 1);
    expect(await access.userForToken(token)).toBeUndefined();
  });

  test("an expiry in the past is refused", async () => {
    await expect(access.createToken(ada, { expiresAt: Date.now() - 1 })).rejects.toThrow(
      InvalidRequest,
    );
    expect(await dump("personal_access_tokens")).toBe("[]");
  });

  test("a revoked token, or one of a disabled user, stands for nobody", async () => {
    const revoked = await access.createToken(bob, { expiresAt: null });
    await setColumn("personal_access_tokens", "revoked_at", Date.now());
    expect(await access.userForToken(revoked.token)).toBeUndefined();
    const { token } = await access.createToken(ada, { expiresAt: null });
    await accounts.disable(ada.email);
    expect(await access.userForToken(token)).toBeUndefined();
  });

  test.each([
    ["a random string", () => randomBytes(32).toString("base64url")],
    ["the prefix alone", () => TOKEN_PREFIX],
    ["an empty string", () => ""],
    ["a made-up token", () => `${TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`],
  ])("%s stands for nobody", async (_, make) => {
    await access.createToken(ada, { expiresAt: null });
    expect(await access.userForToken(make())).toBeUndefined();
  });

  test("a real token without its prefix, or with another case, stands for nobody", async () => {
    const { token } = await access.createToken(ada, { expiresAt: null });
    expect(await access.userForToken(token.slice(TOKEN_PREFIX.length))).toBeUndefined();
    expect(await access.userForToken(token.toUpperCase())).toBeUndefined();
    expect(await access.userForToken(`${token} `)).toBeUndefined();
  });
});

describe("sessions", () => {
  test("a new session lasts the configured minutes and resolves to its user", async () => {
    const before = Date.now();
    const { secret, expiresAt } = await access.createSession(ada);
    expect(expiresAt - before).toBeGreaterThanOrEqual(SESSION_MINUTES * 60_000);
    expect(expiresAt - Date.now()).toBeLessThanOrEqual(SESSION_MINUTES * 60_000);
    expect((await access.sessionFor(secret))?.user).toEqual(ada);
  });

  test("the database keeps only the SHA-256 digest of a session secret", async () => {
    const { secret } = await access.createSession(ada);
    expect(await database.db.selectFrom("sessions").select("id").execute()).toEqual([
      { id: sha256(secret) },
    ]);
    expect(await dump("sessions")).not.toContain(secret);
  });

  test("every sign-in gets a new secret", async () => {
    const first = await access.createSession(ada);
    const second = await access.createSession(ada);
    expect(first.secret).not.toBe(second.secret);
  });

  test("ending a session ends that one only", async () => {
    const first = await access.createSession(ada);
    const second = await access.createSession(ada);
    await access.endSession(first.secret);
    expect((await access.sessionFor(first.secret))?.user).toBeUndefined();
    expect((await access.sessionFor(second.secret))?.user).toEqual(ada);
    await expect(access.endSession(first.secret)).resolves.toBeUndefined();
  });

  test("endSessionsOf ends every session of that user, and no one else's", async () => {
    const sessions = [await access.createSession(ada), await access.createSession(ada)];
    const bobs = await access.createSession(bob);
    await access.endSessionsOf(ada);
    for (const { secret } of sessions)
      expect((await access.sessionFor(secret))?.user).toBeUndefined();
    expect((await access.sessionFor(bobs.secret))?.user).toEqual(bob);
  });

  test("an expired session is rejected, and purged", async () => {
    const { secret } = await access.createSession(ada);
    const live = await access.createSession(bob);
    await database.db
      .updateTable("sessions")
      .set({ expires_at: Date.now() - 1 })
      .where("user_id", "=", ada.id)
      .execute();
    expect((await access.sessionFor(secret))?.user).toBeUndefined();
    await access.purgeExpiredSessions();
    expect(await database.db.selectFrom("sessions").select("user_id").execute()).toEqual([
      { user_id: bob.id },
    ]);
    expect((await access.sessionFor(live.secret))?.user).toEqual(bob);
  });

  test("a session of a disabled user, or an unknown secret, stands for nobody", async () => {
    const { secret } = await access.createSession(ada);
    await accounts.disable(ada.email);
    expect((await access.sessionFor(secret))?.user).toBeUndefined();
    expect((await access.sessionFor(""))?.user).toBeUndefined();
    expect((await access.sessionFor(randomBytes(32).toString("base64url")))?.user).toBeUndefined();
    expect((await access.sessionFor(sha256(secret)))?.user).toBeUndefined();
  });
});
