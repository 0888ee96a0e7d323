import type { AddressInfo } from "node:net";
import type { FastifyInstance } from "fastify";
import { pino } from "pino";
import { afterAll, beforeAll, expect, test } from "vitest";
import { NotFound } from "../errors/TandemError.js";
import type { Database } from "../storage/Database.js";
import { createHttpServer } from "./createHttpServer.js";
import { createMetrics } from "./metrics.js";

let app: FastifyInstance;
let url: string;
/** What the server logged, one JSON object a line. */
const logged: Array<{ msg: string; err?: { message: string } }> = [];

beforeAll(async () => {
  const log = pino({ level: "info" }, { write: (line: string) => logged.push(JSON.parse(line)) });
  app = await createHttpServer({
    log,
    database: { engine: "sqlite", ping: async () => {} } as unknown as Database,
    metrics: createMetrics(),
    publicUrl: "http://127.0.0.1",
    trustProxy: false,
  });
  app.get("/typo", async () => {
    const missing = new Map<string, Map<string, string>>().get("thread");
    return (missing as Map<string, string>).get("comments");
  });
  app.get("/library", async () => {
    // As libraries set a status on their own errors, with text meant for their authors.
    throw Object.assign(new Error("pool exhausted at /srv/tandem/node_modules/x.js:12"), {
      statusCode: 400,
    });
  });
  app.get("/typed", async () => {
    throw new NotFound("No such thread.");
  });
  app.post("/json", async (request) => request.body);
  await app.listen({ port: 0, host: "127.0.0.1" });
  url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
});
afterAll(() => app?.close());

test("an unexpected TypeError in a route is a logged 500 with a generic message", async () => {
  const response = await fetch(`${url}/typo`);
  expect(response.status).toBe(500);
  const body = await response.text();
  expect(JSON.parse(body)).toEqual({ error: "internal_error", message: "Something went wrong." });
  expect(body).not.toContain("Cannot read");
  expect(logged).toContainEqual(
    expect.objectContaining({
      msg: "request failed",
      err: expect.objectContaining({ message: expect.stringContaining("Cannot read") }),
    }),
  );
});

test("a library's error with a 4xx status keeps the status, not its text", async () => {
  const response = await fetch(`${url}/library`);
  expect(response.status).toBe(400);
  expect(await response.json()).toEqual({
    error: "invalid_request",
    message: "The request was refused.",
  });
  expect(logged).toContainEqual(
    expect.objectContaining({
      err: expect.objectContaining({ message: expect.stringContaining("pool exhausted") }),
    }),
  );
});

test("Tandem's typed errors and Fastify's refusals of a request keep their wording", async () => {
  const typed = await fetch(`${url}/typed`);
  expect(typed.status).toBe(404);
  expect(await typed.json()).toEqual({ error: "not_found", message: "No such thread." });
  const badJson = await fetch(`${url}/json`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: "{",
  });
  expect(badJson.status).toBe(400);
  expect((await badJson.json()).message).toMatch(/JSON/);
});
