import type { AddressInfo } from "node:net";
import { createHttpServer, createMetrics, type Database, NotFound } from "@tandem/kernel";
import type { FastifyInstance } from "fastify";
import { pino } from "pino";
import { afterAll, beforeAll, expect, test } from "vitest";
import { invalidFilter, scimErrorHandler } from "./errors.js";

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
  await app.register(
    async (scope) => {
      scope.setErrorHandler(scimErrorHandler);
      scope.get("/library", async () => {
        // As libraries set a status on their own errors, with text meant for their authors.
        throw Object.assign(new Error("pool exhausted at /srv/tandem/node_modules/x.js:12"), {
          statusCode: 400,
        });
      });
      scope.get("/typed", async () => {
        throw new NotFound("No such user.");
      });
      scope.get("/scim", async () => {
        throw invalidFilter('"nme" is not an attribute');
      });
      scope.post("/json", async (request) => request.body);
    },
    { prefix: "/scim/v2" },
  );
  await app.listen({ port: 0, host: "127.0.0.1" });
  url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}/scim/v2`;
});
afterAll(() => app?.close());

test("a library's error with a 4xx status keeps the status in SCIM's shape, not its text", async () => {
  const response = await fetch(`${url}/library`);
  expect(response.status).toBe(400);
  const body = await response.text();
  expect(JSON.parse(body)).toEqual({
    schemas: ["urn:ietf:params:scim:api:messages:2.0:Error"],
    status: "400",
    detail: "The request was refused.",
  });
  expect(body).not.toContain("pool exhausted");
  expect(logged).toContainEqual(
    expect.objectContaining({
      err: expect.objectContaining({ message: expect.stringContaining("pool exhausted") }),
    }),
  );
});

test("SCIM's, Tandem's and Fastify's own refusals keep their wording", async () => {
  const scim = await fetch(`${url}/scim`);
  expect(scim.status).toBe(400);
  expect(await scim.json()).toMatchObject({
    scimType: "invalidFilter",
    detail: '"nme" is not an attribute',
  });
  const typed = await fetch(`${url}/typed`);
  expect(typed.status).toBe(404);
  expect((await typed.json()).detail).toBe("No such user.");
  const badJson = await fetch(`${url}/json`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: "{",
  });
  expect(badJson.status).toBe(400);
  expect(await badJson.json()).toMatchObject({ scimType: "invalidSyntax" });
});
