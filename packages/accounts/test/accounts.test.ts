import { randomBytes } from "node:crypto";
import { AccountService, kernelMigrations, type NewUser, presentUser } from "@tandem/accounts";
import {
  Conflict,
  type Database,
  InvalidCredentials,
  InvalidRequest,
  migrate,
  NotFound,
  openDatabase,
} from "@tandem/kernel";
import { createTestBackend, type TestBackend } from "@tandem/testkit";
import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";

const PASSWORD = "correct horse battery";

let backend: TestBackend;
let database: Database;
let accounts: AccountService;

beforeAll(async () => {
  backend = await createTestBackend();
  database = await openDatabase({ databaseUrl: backend.databaseUrl, dataDir: backend.dataDir });
  await migrate(database, [kernelMigrations]);
  accounts = new AccountService(database);
});

afterAll(async () => {
  await database?.close();
  await backend?.dispose();
});

// One database for the suite, emptied between tests: hashing dominates the time, not set-up.
beforeEach(async () => {
  await database.db.deleteFrom("users").execute();
});

function buildUser(overrides: Partial<NewUser> = {}): NewUser {
  return { email: "ada@example.org", name: "Ada Lovelace", password: PASSWORD, ...overrides };
}

/** The error a promise rejects with, to compare errors with each other. */
async function rejectionOf(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error("expected a rejection");
}

describe("create", () => {
  test("normalises the e-mail, trims the name, and makes a member by default", async () => {
    const user = await accounts.create(buildUser({ email: "  Ada@Example.ORG ", name: "  Ada  " }));
    expect(user).toMatchObject({
      email: "ada@example.org",
      name: "Ada",
      role: "member",
      disabled_at: null,
    });
    expect(await accounts.byEmail("ADA@example.org")).toEqual(user);
    expect(presentUser(user)).toEqual({
      id: user.id,
      email: "ada@example.org",
      name: "Ada",
      isAdmin: false,
      disabled: false,
    });
  });

  test("stores a salted scrypt hash, never the password", async () => {
    await accounts.create(buildUser());
    await accounts.create(buildUser({ email: "bob@example.org" }));
    const rows = await database.db.selectFrom("users").select(["email", "password_hash"]).execute();
    for (const { password_hash } of rows) {
      expect(password_hash).toMatch(/^scrypt\$17\$8\$1\$[\w-]+\$[\w-]+$/);
      expect(password_hash).not.toContain(PASSWORD);
    }
    expect(rows[0]?.password_hash).not.toBe(rows[1]?.password_hash);
  });

  test("an e-mail taken, in any case, is a Conflict", async () => {
    await accounts.create(buildUser());
    await expect(
      accounts.create(buildUser({ email: "ADA@example.org", name: "Other" })),
    ).rejects.toThrow(Conflict);
    expect(await accounts.list()).toHaveLength(1);
  });

  test.each<[string, Partial<NewUser>, RegExp]>([
    ["no @", { email: "ada.example.org" }, /is not an e-mail address/],
    ["a space inside", { email: "ada lovelace@example.org" }, /is not an e-mail address/],
    ["an empty e-mail", { email: "   " }, /is not an e-mail address/],
    ["an empty name", { name: "   " }, /name must have between 1 and 200 characters/],
    ["a name too long", { name: "x".repeat(201) }, /name must have between 1 and 200 characters/],
    [
      "a password of 11 characters",
      { password: "x".repeat(11) },
      /password must have at least 12 characters/,
    ],
    [
      "a password of 129 characters",
      { password: "x".repeat(129) },
      /password must have at most 128 characters/,
    ],
  ])("%s is an InvalidRequest and writes nothing", async (_, overrides, message) => {
    const error = await rejectionOf(accounts.create(buildUser(overrides)));
    expect(error).toBeInstanceOf(InvalidRequest);
    expect(error.message).toMatch(message);
    expect(await accounts.list()).toEqual([]);
  });

  // Entries of 12 characters or more that zxcvbn-ts's common-password list really holds.
  test.each(["password1234", "qwertyuiop123", "1q2w3e4r5t6y", "123456789012"])(
    "the common password %s, in any case, is refused and nothing is written",
    async (common) => {
      for (const password of [common, common.toUpperCase(), ` ${common} `]) {
        const error = await rejectionOf(accounts.create(buildUser({ password })));
        expect(error).toBeInstanceOf(InvalidRequest);
        expect(error.message).toBe(
          "this password is among the most common passwords; choose another",
        );
      }
      expect(await accounts.list()).toEqual([]);
    },
  );

  test("a strong random password is accepted", async () => {
    const password = randomBytes(18).toString("base64url");
    await accounts.create(buildUser({ password }));
    expect((await accounts.checkPassword("ada@example.org", password)).email).toBe(
      "ada@example.org",
    );
  });

  test("passwords of exactly 12 and 128 characters are accepted", async () => {
    await accounts.create(buildUser({ email: "short@example.org", password: "x".repeat(12) }));
    await accounts.create(buildUser({ email: "long@example.org", password: "y".repeat(128) }));
    expect(await accounts.checkPassword("long@example.org", "y".repeat(128))).toMatchObject({
      email: "long@example.org",
    });
  });

  test("byEmail of an unknown e-mail is NotFound", async () => {
    await expect(accounts.byEmail("nobody@example.org")).rejects.toThrow(NotFound);
  });
});

describe("checkPassword", () => {
  test("the right password, with the e-mail in any case, gives the user", async () => {
    const user = await accounts.create(buildUser());
    expect(await accounts.checkPassword(" ADA@example.org", PASSWORD)).toEqual(user);
  });

  test("wrong password, unknown e-mail, no password, disabled account: one and the same error", async () => {
    await accounts.create(buildUser());
    await accounts.create(buildUser({ email: "nopass@example.org", password: undefined }));
    await accounts.create(buildUser({ email: "gone@example.org" }));
    await accounts.disable("gone@example.org");
    const errors = await Promise.all([
      rejectionOf(accounts.checkPassword("ada@example.org", "wrong password!")),
      rejectionOf(accounts.checkPassword("nobody@example.org", PASSWORD)),
      rejectionOf(accounts.checkPassword("nopass@example.org", PASSWORD)),
      rejectionOf(accounts.checkPassword("gone@example.org", PASSWORD)),
      rejectionOf(accounts.checkPassword("ada@example.org", "")),
    ]);
    for (const error of errors) {
      expect(error).toBeInstanceOf(InvalidCredentials);
      expect({ message: error.message, status: (error as InvalidCredentials).status }).toEqual({
        message: "E-mail or password is wrong.",
        status: 401,
      });
    }
  });
});

describe("createFirstAdmin", () => {
  test("creates an administrator with a generated password, once", async () => {
    const first = await accounts.createFirstAdmin("Root@Example.org");
    expect(first?.user).toMatchObject({ email: "root@example.org", role: "admin" });
    expect(first?.password).toMatch(/^[\w]{5}(-[\w]{5}){3}$/);
    expect(await accounts.checkPassword("root@example.org", first?.password ?? "")).toEqual(
      first?.user,
    );
    expect(await accounts.createFirstAdmin("root@example.org")).toBeNull();
    expect(await accounts.createFirstAdmin("other@example.org")).toBeNull();
    expect(await accounts.list()).toHaveLength(1);
  });

  test("a member created before does not prevent it", async () => {
    await accounts.create(buildUser());
    expect((await accounts.createFirstAdmin("root@example.org"))?.user.role).toBe("admin");
  });

  test("a member holding the e-mail is an error the operator sees, not a start without administrator", async () => {
    await accounts.create(buildUser({ email: "root@example.org" }));
    const outcome = await accounts.createFirstAdmin("root@example.org").catch((e: unknown) => e);
    expect(outcome).toBeInstanceOf(Conflict);
    expect((outcome as Error).message).toMatch(/no administrator yet .* set TANDEM_ADMIN_EMAIL/);
    expect((await accounts.list()).filter((u) => u.role === "admin")).toEqual([]);
  });

  test("a disabled administrator still counts", async () => {
    await accounts.create(buildUser({ admin: true }));
    await accounts.disable("ada@example.org");
    expect(await accounts.createFirstAdmin("root@example.org")).toBeNull();
    expect((await accounts.list()).map((u) => u.email)).toEqual(["ada@example.org"]);
  });
});

test("disable is idempotent and keeps the first date", async () => {
  await accounts.create(buildUser());
  const first = await accounts.disable("ada@example.org");
  const again = await accounts.disable("ADA@example.org");
  expect(first.disabled_at).toEqual(expect.any(Number));
  expect(again.disabled_at).toBe(first.disabled_at);
  expect(presentUser(again).disabled).toBe(true);
});
