import {
  ApiClient,
  runCli,
  signedInClient,
  startTestServer,
  type TestServer,
} from "@tandem/testkit";
import { afterAll, beforeAll, describe, expect, test } from "vitest";

let server: TestServer;
let admin: ApiClient;
beforeAll(async () => {
  server = await startTestServer();
  admin = new ApiClient(server.url);
  await admin.signIn(server.admin.email, server.admin.password);
});
afterAll(() => server?.close());

const audit = async (query = "") => {
  const response = await admin.request("GET", `/api/v1/admin/audit${query}`);
  expect(response.status, response.text).toBe(200);
  return response.json.events as Array<Record<string, unknown>>;
};

describe("security audit log", () => {
  test("administration commands are recorded, successes and failures, newest first", async () => {
    const env = server.backend.env;
    await runCli(["user", "add", "--email", "audited@example.org", "--name", "Audited"], env);
    await runCli(["user", "add", "--email", "audited@example.org", "--name", "Again"], env);
    await runCli(["token", "create", "--email", "audited@example.org"], env);
    await runCli(["user", "disable", "--email", "audited@example.org"], env);

    const events = await audit("?who=audited@example.org");
    expect(events.map((e) => `${e.action}:${e.outcome}`)).toEqual([
      "user_disabled:success",
      "token_created:success",
      "user_created:failure",
      "user_created:success",
    ]);
    expect(events[2]?.details).toMatchObject({
      via: "cli",
      reason: expect.stringContaining("exists"),
    });
  });

  test("sign-ins, failed sign-ins and sign-outs are recorded with the address they came from", async () => {
    const visitor = new ApiClient(server.url);
    await visitor.signIn(server.admin.email, "not the password, surely");
    await visitor.signIn(server.admin.email, server.admin.password);
    await visitor.request("DELETE", "/api/v1/session");
    const events = await audit(`?who=${server.admin.email}&limit=3`);
    expect(events.map((e) => `${e.action}:${e.outcome}`)).toEqual([
      "sign_out:success",
      "sign_in:success",
      "sign_in:failure",
    ]);
    expect(events[2]).toMatchObject({
      ip: "127.0.0.1",
      details: { reason: "invalid_credentials" },
    });
  });

  test("filters by action and outcome, and pages with `before`", async () => {
    const failures = await audit("?action=user_created&outcome=failure");
    expect(failures.every((e) => e.action === "user_created" && e.outcome === "failure")).toBe(
      true,
    );
    const firstPage = await audit("?limit=1");
    expect(firstPage).toHaveLength(1);
    const next = await audit(`?limit=50&before=${firstPage[0]?.at}`);
    expect(next.every((e) => Number(e.at) < Number(firstPage[0]?.at))).toBe(true);
  });

  test("only administrators read it, and bad filters are refused clearly", async () => {
    const { client: member } = await signedInClient(server.url, server.tandem);
    expect((await member.request("GET", "/api/v1/admin/audit")).status).toBe(403);
    const bad = await admin.request("GET", "/api/v1/admin/audit?action=teleport");
    expect(bad.status).toBe(400);
    expect(bad.json).toMatchObject({
      error: "invalid_request",
      message: expect.stringContaining("action"),
    });
    expect((await admin.request("GET", "/api/v1/admin/audit?limit=100000")).status).toBe(400);
  });
});
