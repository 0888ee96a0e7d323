import Fastify from "fastify";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { ModuleClaims } from "../module/paths.js";
import { RestApi } from "./RestApi.js";
import { restErrorHandler } from "./restErrors.js";

function apiOn() {
  const http = Fastify();
  http.setErrorHandler(restErrorHandler);
  const claims = new ModuleClaims("test", { rest: ["/api/test/v1"] });
  return { http, api: new RestApi(http, { base: "/api/test/v1", title: "Test API", claims }) };
}

const Item = z.object({ id: z.string(), size: z.number() });

describe("RestApi", () => {
  it("registers a route, checks its input and describes it with its schemas", async () => {
    const { http, api } = apiOn();
    api.route({
      method: "POST",
      path: "/items/:id",
      summary: "Make an item",
      params: z.object({ id: z.string().max(3) }),
      body: z.object({ size: z.number().int() }).strict(),
      responses: { 201: Item },
      handler: async ({ params, body }) => ({ id: params.id, size: body.size }),
    });
    const made = await http.inject({
      method: "POST",
      url: "/api/test/v1/items/abc",
      payload: { size: 2 },
    });
    expect(made.statusCode).toBe(201);
    expect(made.json()).toEqual({ id: "abc", size: 2 });
    const refused = await http.inject({
      method: "POST",
      url: "/api/test/v1/items/abc",
      payload: { size: "big" },
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().message).toMatch(/^size: /);

    const description = (await http.inject({ url: "/api/test/v1/openapi.json" })).json();
    const operation = description.paths["/items/{id}"].post;
    expect(operation.summary).toBe("Make an item");
    expect(operation.parameters[0]).toMatchObject({
      name: "id",
      in: "path",
      schema: { maxLength: 3 },
    });
    expect(operation.requestBody.content["application/json"].schema).toMatchObject({
      properties: { size: { type: "integer" } },
    });
    expect(operation.responses["201"].content["application/json"].schema).toMatchObject({
      properties: { id: { type: "string" }, size: { type: "number" } },
    });
  });

  it("answers 204 with no body where the route declares none", async () => {
    const { http, api } = apiOn();
    api.route({
      method: "DELETE",
      path: "/items/:id",
      summary: "Remove an item",
      responses: { 204: null },
      handler: async () => undefined,
    });
    const removed = await http.inject({ method: "DELETE", url: "/api/test/v1/items/a" });
    expect(removed.statusCode).toBe(204);
    expect(removed.body).toBe("");
  });

  it("refuses a route declared twice, in one line", () => {
    const { api } = apiOn();
    const spec = {
      method: "GET",
      path: "/items",
      summary: "Items",
      responses: { 200: z.array(Item) },
      handler: async () => [],
    } as const;
    api.route(spec);
    expect(() => api.route(spec)).toThrow("Test API: GET /api/test/v1/items is declared twice");
  });

  it("refuses a route registered under its base without being declared", () => {
    const { http } = apiOn();
    expect(() => http.get("/api/test/v1/hidden", async () => ({}))).toThrow(
      "Test API: GET /api/test/v1/hidden is not declared through RestApi",
    );
  });

  it("shares a base with another API: each serves its own description, neither refuses the other's routes", async () => {
    const http = Fastify();
    const claims = new ModuleClaims("test", { rest: ["/api/v1"] });
    const first = new RestApi(http, { base: "/api/v1", title: "First", claims });
    const second = new RestApi(http, {
      base: "/api/v1",
      title: "Second",
      claims,
      descriptionPath: "/api/v1/second/openapi.json",
    });
    const list = (path: string) =>
      ({
        method: "GET",
        path,
        summary: path,
        responses: { 200: z.array(Item) },
        handler: async () => [],
      }) as const;
    first.route(list("/apples"));
    second.route(list("/pears"));
    expect(() => http.get("/api/v1/hidden", async () => ({}))).toThrow(
      "First: GET /api/v1/hidden is not declared through RestApi",
    );
    expect((await http.inject({ url: "/api/v1/pears" })).statusCode).toBe(200);
    const firstPaths = (await http.inject({ url: "/api/v1/openapi.json" })).json().paths;
    const secondPaths = (await http.inject({ url: "/api/v1/second/openapi.json" })).json().paths;
    expect(Object.keys(firstPaths)).toEqual(["/apples"]);
    expect(Object.keys(secondPaths)).toEqual(["/pears"]);
  });

  it("refuses an API whose routes or description lie outside the module's paths.rest, in one line", () => {
    const claims = new ModuleClaims("docs", { rest: ["/api/docs/v1"], prefixes: ["/api/docs/v2"] });
    expect(() => new RestApi(Fastify(), { base: "/api/docs/v2", title: "Docs", claims })).toThrow(
      /^module docs: \/api\/docs\/v2\/openapi.json is not declared in its paths.rest$/,
    );
    const notes = new ModuleClaims("notes", { rest: ["/api/v1/notes"] });
    const shared = new RestApi(Fastify(), {
      base: "/api/v1",
      title: "Notes",
      claims: notes,
      descriptionPath: "/api/v1/notes/openapi.json",
    });
    const route = (path: string) => ({
      method: "GET" as const,
      path,
      summary: path,
      responses: { 200: z.array(Item) },
      handler: async () => [],
    });
    shared.route(route("/notes/:id"));
    expect(() => shared.route(route("/apples"))).toThrow(
      /^module notes: \/api\/v1\/apples is not declared in its paths.rest$/,
    );
  });
});
