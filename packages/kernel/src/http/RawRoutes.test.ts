import type { AddressInfo } from "node:net";
import type { FastifyInstance } from "fastify";
import { afterEach, expect, test } from "vitest";
import { createLogger } from "../log/createLogger.js";
import { ModuleClaims } from "../module/paths.js";
import type { Database } from "../storage/Database.js";
import { createHttpServer } from "./createHttpServer.js";
import { createMetrics } from "./metrics.js";
import { RawRoutes } from "./RawRoutes.js";
import { securityHeaders } from "./securityHeaders.js";

let app: FastifyInstance | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

async function serve(raw: RawRoutes) {
  const metrics = createMetrics();
  app = await createHttpServer({
    log: createLogger({ logLevel: "silent", logFormat: "json" }),
    database: { engine: "sqlite", ping: async () => {} } as unknown as Database,
    metrics,
    publicUrl: "http://127.0.0.1",
    trustProxy: false,
    raw,
  });
  app.get("/fastify", async () => ({ from: "fastify" }));
  await app.listen({ port: 0, host: "127.0.0.1" });
  const { port } = app.server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, metrics };
}

test("raw routes answer before Fastify, with the security headers and the request metrics", async () => {
  const raw = new RawRoutes();
  raw.add({
    label: "/engine/*",
    paths: ["/engine"],
    matches: (path) => path.startsWith("/engine/"),
    handle: (_request, response) => {
      response.writeHead(201, { "content-type": "text/plain" });
      response.end("engine");
    },
  });
  const { url, metrics } = await serve(raw);

  const engine = await fetch(`${url}/engine/token?x=1`, { method: "POST", body: "a=b" });
  expect(engine.status).toBe(201);
  expect(await engine.text()).toBe("engine");
  for (const [name, value] of Object.entries(securityHeaders({ https: false })))
    expect(engine.headers.get(name)).toBe(value);
  expect(await (await fetch(`${url}/fastify`)).json()).toEqual({ from: "fastify" });
  // A path the route does not match is Fastify's, 404 included.
  expect((await fetch(`${url}/engineering`)).status).toBe(404);

  const counted = (await metrics.requests.get()).values.find(
    (value) => value.labels.route === "/engine/*",
  );
  expect(counted).toMatchObject({ value: 1, labels: { method: "POST", status: "201" } });
});

test("a raw route that throws answers 500 without its details, and the server goes on", async () => {
  const raw = new RawRoutes();
  raw.add({
    label: "/broken",
    paths: ["/broken"],
    matches: (path) => path === "/broken",
    handle: () => {
      throw new Error("secret detail");
    },
  });
  const { url } = await serve(raw);
  const broken = await fetch(`${url}/broken`);
  expect(broken.status).toBe(500);
  expect(await broken.text()).not.toContain("secret");
  expect((await fetch(`${url}/fastify`)).status).toBe(200);
});

test("while the server closes, raw routes answer 503", async () => {
  const raw = new RawRoutes();
  raw.add({
    label: "/quick",
    paths: ["/quick"],
    matches: (path) => path === "/quick",
    handle: (_request, response) => response.end("ok"),
  });
  const { url } = await serve(raw);
  expect((await fetch(`${url}/quick`)).status).toBe(200);
  raw.close();
  const refused = await fetch(`${url}/quick`);
  expect(refused.status).toBe(503);
  expect(await refused.json()).toMatchObject({ error: "unavailable" });
});

test("a NUL in a raw route's URL is refused before the engine sees it, in the route's shape", async () => {
  const raw = new RawRoutes();
  const handled: string[] = [];
  const engine = (request: { url?: string }, response: { end(text: string): void }) => {
    handled.push(request.url ?? "");
    response.end("engine");
  };
  raw.add({
    label: "/plain",
    paths: ["/plain"],
    matches: (path) => path.startsWith("/plain"),
    handle: engine,
  });
  raw.add({
    label: "/own",
    paths: ["/own"],
    matches: (path) => path.startsWith("/own"),
    handle: engine,
    refuse: (response, message) => {
      response.writeHead(400, { "content-type": "application/json" });
      response.end(JSON.stringify({ error: "invalid_request", error_description: message }));
    },
  });
  const { url } = await serve(raw);

  const plain = await fetch(`${url}/plain/x%00y`);
  expect(plain.status).toBe(400);
  expect(await plain.json()).toEqual({
    error: "invalid_request",
    message: "url: must not contain a NUL character (U+0000)",
  });
  const own = await fetch(`${url}/own?client_id=x%00Y`);
  expect(own.status).toBe(400);
  expect(await own.json()).toMatchObject({ error_description: expect.stringContaining("NUL") });
  // "%2500" is the text "%00", not a NUL.
  expect(await (await fetch(`${url}/plain?q=%2500`)).text()).toBe("engine");
  expect(handled).toEqual(["/plain?q=%2500"]);
});

test("a raw route takes only requests under its declared paths, whatever it matches", async () => {
  const raw = new RawRoutes();
  raw.add({
    label: "/engine",
    paths: ["/engine"],
    matches: () => true,
    handle: (_request, response) => response.end("engine"),
  });
  const { url } = await serve(raw);

  expect(await (await fetch(`${url}/engine`)).text()).toBe("engine");
  expect(await (await fetch(`${url}/engine/x`)).text()).toBe("engine");
  expect(await (await fetch(`${url}/fastify`)).json()).toEqual({ from: "fastify" });
  expect((await fetch(`${url}/engineering`)).status).toBe(404);
});

test("a module's raw routes are refused on a path it did not declare, in one line", () => {
  const raw = new RawRoutes().for(new ModuleClaims("identity", { raw: ["/oidc"] }));
  const route = { label: "x", matches: () => true, handle: () => {} };
  expect(() => raw.add({ ...route, paths: ["/oidc/token"] })).not.toThrow();
  expect(() => raw.add({ ...route, paths: ["/oidc", "/other"] })).toThrow(
    /^module identity: \/other is not declared in its paths.raw$/,
  );
});
