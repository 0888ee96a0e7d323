import {
  ApiClient,
  createTestBackend,
  runCli,
  spawnTandem,
  type TestBackend,
} from "@tandem/testkit";
import { afterAll, beforeAll, describe, expect, test } from "vitest";

let backend: TestBackend;
beforeAll(async () => {
  backend = await createTestBackend();
});
afterAll(() => backend?.dispose());

const cli = (args: string[], stdin?: string) => runCli(args, backend.env, { stdin });

/** Errors are one plain line on stderr with a non-zero exit. */
function expectOneLineError(result: { code: number | null; stderr: string }, pattern: RegExp) {
  expect(result.code).not.toBe(0);
  expect(result.stderr.trim().split("\n")).toHaveLength(1);
  expect(result.stderr).toMatch(pattern);
}

describe("tandem CLI", () => {
  test("--help works for the program and every command", async () => {
    const top = await cli(["--help"]);
    expect(top.code).toBe(0);
    for (const command of ["serve", "migrate", "user", "token", "config"]) {
      expect(top.stdout).toContain(command);
    }
    for (const args of [
      ["user", "add"],
      ["user", "list"],
      ["user", "disable"],
      ["token", "create"],
      ["migrate"],
    ]) {
      const help = await cli([...args, "--help"]);
      expect(help.code, args.join(" ")).toBe(0);
      expect(help.stdout).toContain("Usage: tandem");
    }
  });

  test("migrate applies the migrations once", async () => {
    const first = await cli(["migrate"]);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain("applied kernel/0001_accounts");
    const again = await cli(["migrate"]);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain("already up to date");
  });

  // Six CLI processes and a server one after another, each starting Node and opening the
  // database: seconds each when CI runs many suites at once on two cores.
  test("user add, list and disable; a token made by the CLI works as a Bearer token", {
    timeout: 90_000,
  }, async () => {
    const added = await cli(
      ["user", "add", "--email", "Agent@Example.org", "--name", "Agent Smith", "--password-stdin"],
      "correct horse battery staple\n",
    );
    expect(added.stderr).toBe("");
    expect(added.code).toBe(0);
    const list = await cli(["user", "list", "--json"]);
    expect(JSON.parse(list.stdout)).toContainEqual(
      expect.objectContaining({
        email: "agent@example.org",
        name: "Agent Smith",
        isAdmin: false,
        disabled: false,
      }),
    );
    const table = await cli(["user", "list"]);
    expect(table.stdout).toMatch(/^EMAIL\s+NAME\s+ROLE\s+STATUS\s+CREATED$/m);

    const token = await cli(["token", "create", "--email", "agent@example.org", "--expires", "7d"]);
    expect(token.code).toBe(0);
    const secret = token.stdout.trim();
    expect(secret).toMatch(/^tdm_pat_[A-Za-z0-9_-]{43}$/);

    const server = await spawnTandem({ ...backend.env, TANDEM_HOST: "127.0.0.1" });
    try {
      const api = new ApiClient(server.url, { bearer: secret });
      const me = await api.request("GET", "/api/v1/me");
      expect(me.json).toMatchObject({ email: "agent@example.org", name: "Agent Smith" });
      const password = await new ApiClient(server.url).signIn(
        "agent@example.org",
        "correct horse battery staple",
      );
      expect(password.status).toBe(200);

      const disabled = await cli(["user", "disable", "--email", "agent@example.org"]);
      expect(disabled.code).toBe(0);
      // Disabling takes effect at once, for tokens and sessions, even in the running server.
      expect((await api.request("GET", "/api/v1/me")).status).toBe(401);
      expect(
        (
          await new ApiClient(server.url).signIn(
            "agent@example.org",
            "correct horse battery staple",
          )
        ).status,
      ).toBe(401);
    } finally {
      await server.stop();
    }
    const after = await cli(["user", "list", "--json"]);
    expect(JSON.parse(after.stdout)).toContainEqual(
      expect.objectContaining({ email: "agent@example.org", disabled: true }),
    );
  });

  // Seven CLI processes one after another, each starting Node and opening the database:
  // seconds each when CI runs many suites at once on two cores.
  test("bad input is refused in one line, with nothing written", { timeout: 90_000 }, async () => {
    expectOneLineError(
      await cli(
        ["user", "add", "--email", "short@example.org", "--name", "Short", "--password-stdin"],
        "tooshort\n",
      ),
      /at least 12 characters/,
    );
    expectOneLineError(
      await cli(["user", "add", "--email", "not-an-email", "--name", "X"]),
      /not an e-mail/,
    );
    expectOneLineError(
      await cli(["user", "add", "--name", "No Email"]),
      /required option '--email <email>'/,
    );
    expectOneLineError(
      await cli(["user", "add", "--email", "agent@example.org", "--name", "Again"]),
      /exists/,
    );
    expectOneLineError(
      await cli(["user", "disable", "--email", "ghost@example.org"]),
      /no user with e-mail/,
    );
    expectOneLineError(
      await cli(["token", "create", "--email", "ghost@example.org"]),
      /no user with e-mail/,
    );
    expectOneLineError(
      await cli(["token", "create", "--email", "agent@example.org", "--expires", "soon"]),
      /--expires: "soon" is not a duration/,
    );
    expectOneLineError(await cli(["frobnicate"]), /unknown command 'frobnicate'/);
    const list = JSON.parse((await cli(["user", "list", "--json"])).stdout) as Array<{
      email: string;
    }>;
    expect(list.map((u) => u.email)).not.toContain("short@example.org");
    expect(list.map((u) => u.email)).not.toContain("not-an-email");
  });

  test("token create --expires never makes a token without expiry", async () => {
    await cli(["user", "add", "--email", "robot@example.org", "--name", "Robot"]);
    const token = await cli([
      "token",
      "create",
      "--email",
      "robot@example.org",
      "--expires",
      "never",
    ]);
    expect(token.code).toBe(0);
    expect(token.stderr).toContain("never expires");
  });
});
