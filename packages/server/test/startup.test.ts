import { existsSync } from "node:fs";
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { connect, createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  ApiClient,
  createTestBackend,
  currentBackend,
  eventually,
  runCli,
  spawnTandem,
} from "@tandem/testkit";
import { afterAll, beforeAll, describe, expect, test } from "vitest";

let scratch: string;
beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), "tandem-startup-"));
});
afterAll(() => rm(scratch, { recursive: true, force: true }));

/** `serve` must fail in one line with exit 1, leaving the data folder it was given uncreated. */
async function expectStartRefused(env: Record<string, string>, pattern: RegExp) {
  const dataDir = join(scratch, `never-${Math.random().toString(36).slice(2)}`);
  const result = await runCli(["serve"], { PORT: "0", TANDEM_DATA_DIR: dataDir, ...env });
  expect(result.code).toBe(1);
  expect(result.stderr.trim().split("\n")).toHaveLength(1);
  expect(result.stderr).toMatch(pattern);
  expect(existsSync(dataDir)).toBe(false);
}

describe("first start and restarts", () => {
  test("the first start creates the administrator and prints its password once; a restart reuses everything", async () => {
    const backend = await createTestBackend();
    try {
      const env = {
        ...backend.env,
        TANDEM_HOST: "127.0.0.1",
        TANDEM_ADMIN_EMAIL: "chief@example.org",
      };
      const first = await spawnTandem(env);
      const password = first.firstAdmin()?.password;
      expect(first.firstAdmin()?.email).toBe("chief@example.org");
      expect(password).toBeDefined();
      expect(await first.stop()).toBe(0);

      const second = await spawnTandem(env);
      expect(second.firstAdmin()).toBeNull();
      expect(second.output()).not.toContain("Password:");
      expect(second.output()).not.toContain(password);
      const signIn = await new ApiClient(second.url).signIn("chief@example.org", password ?? "");
      expect(signIn.status).toBe(200);
      expect(signIn.json.user.isAdmin).toBe(true);
      expect(await second.stop()).toBe(0);
    } finally {
      await backend.dispose();
    }
  });
});

describe("bad input stops the start in one clear line", () => {
  test("a malformed option", () =>
    expectStartRefused(
      { PORT: "eighty" },
      /^tandem: PORT is invalid: must be a number \(got "eighty"\)$/m,
    ));

  test("an out-of-range port", () =>
    expectStartRefused({ PORT: "70000" }, /PORT is invalid: must be at most 65535/));

  test("an unknown option, with a suggestion", () =>
    expectStartRefused(
      { TANDEM_DATBASE_URL: "postgres://x" },
      /TANDEM_DATBASE_URL is not a Tandem option \(did you mean TANDEM_DATABASE_URL\?\)/,
    ));

  test("a database URL that is not PostgreSQL", () =>
    expectStartRefused(
      { TANDEM_DATABASE_URL: "mysql://db/tandem" },
      /TANDEM_DATABASE_URL is invalid: must be a PostgreSQL URL/,
    ));

  test("an unreachable database", () =>
    expectStartRefused(
      { TANDEM_DATABASE_URL: "postgres://tandem:secret@127.0.0.1:1/tandem" },
      /cannot reach PostgreSQL at postgres:\/\/tandem:\*\*\*@127\.0\.0\.1:1\/tandem/,
    ));

  test("an unreachable Redis", () =>
    expectStartRefused(
      { TANDEM_REDIS_URL: "redis://127.0.0.1:1" },
      /cannot reach Redis at redis:\/\/127\.0\.0\.1:1/,
    ));

  test("a port in use", async () => {
    const blocker: Server = createServer();
    await new Promise<void>((resolve) => blocker.listen({ port: 0, host: "127.0.0.1" }, resolve));
    const address = blocker.address();
    const port = typeof address === "object" && address ? address.port : 0;
    try {
      await expectStartRefused(
        { PORT: String(port), TANDEM_HOST: "127.0.0.1" },
        new RegExp(`port ${port} on 127.0.0.1 is already in use`),
      );
    } finally {
      blocker.close();
    }
  });

  test("a port in use does not touch an existing data folder", async () => {
    const backend = await createTestBackend();
    const blocker: Server = createServer();
    try {
      expect((await runCli(["migrate"], backend.env)).code).toBe(0);
      const before = await readdir(backend.dataDir);
      await new Promise<void>((resolve) => blocker.listen({ port: 0, host: "127.0.0.1" }, resolve));
      const address = blocker.address();
      const port = typeof address === "object" && address ? address.port : 0;
      const result = await runCli(["serve"], {
        ...backend.env,
        PORT: String(port),
        TANDEM_HOST: "127.0.0.1",
      });
      expect(result.code).toBe(1);
      expect(await readdir(backend.dataDir)).toEqual(before);
      const users = await runCli(["user", "list", "--json"], backend.env);
      expect(JSON.parse(users.stdout)).toEqual([]);
    } finally {
      blocker.close();
      await backend.dispose();
    }
  });
});

describe("graceful shutdown", () => {
  test("SIGTERM lets a request in flight finish, refuses new ones, closes the database and exits 0", async () => {
    const backend = await createTestBackend();
    try {
      const server = await spawnTandem({ ...backend.env, TANDEM_HOST: "127.0.0.1" });
      // A request whose body is only half sent is in flight until the rest arrives.
      const socket = connect(server.port, "127.0.0.1");
      await new Promise((resolve) => socket.once("connect", resolve));
      const body = JSON.stringify({ email: "nobody@example.org", password: "whatever-password" });
      let received = "";
      socket.on("data", (chunk) => {
        received += chunk.toString();
      });
      const closed = new Promise((resolve) => socket.on("close", resolve));
      // "Expect: 100-continue" makes the server say when it has the headers: from then on
      // the request is in flight, and the signal cannot overtake it.
      socket.write(
        `POST /api/v1/session HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\nConnection: close\r\nExpect: 100-continue\r\n\r\n`,
      );
      await eventually(() => expect(received).toContain("100 Continue"));
      socket.write(body.slice(0, 10));
      const exited = server.stop("SIGTERM");
      await eventually(async () => {
        const state = await fetch(`${server.url}/healthz`).then(
          (r) => r.status,
          () => "refused",
        );
        expect(state === 503 || state === "refused").toBe(true);
      });
      socket.write(body.slice(10));
      await closed;
      expect(received).toMatch(/^HTTP\/1\.1 100 Continue\r\n\r\nHTTP\/1\.1 401/);
      expect(await exited).toBe(0);
      expect(server.output()).toContain('"msg":"stopped"');
      if (currentBackend() === "sqlite") {
        // SQLite removes its write-ahead log when the last connection closes cleanly.
        expect(existsSync(join(backend.dataDir, "tandem.sqlite-wal"))).toBe(false);
      }
    } finally {
      await backend.dispose();
    }
  });
});

describe("https deployments", () => {
  test("send HSTS and bind the session cookie to the host", async () => {
    const backend = await createTestBackend();
    try {
      const server = await spawnTandem({
        ...backend.env,
        TANDEM_HOST: "127.0.0.1",
        TANDEM_PUBLIC_URL: "https://tandem.example.gouv.fr",
      });
      try {
        const password = server.firstAdmin()?.password ?? "";
        const health = await fetch(`${server.url}/healthz`);
        expect(health.headers.get("strict-transport-security")).toContain("max-age=31536000");
        const signIn = await new ApiClient(server.url).signIn("admin@localhost", password);
        // The session cookie and the known-device cookie (sign-in throttling), both host-bound.
        const cookies = signIn.headers.getSetCookie();
        expect(cookies.find((c) => c.startsWith("__Host-tandem_session="))).toMatch(/; Secure/);
        expect(cookies.find((c) => c.startsWith("__Host-tandem_device="))).toMatch(/; Secure/);
      } finally {
        await server.stop();
      }
    } finally {
      await backend.dispose();
    }
  });
});
