import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import type { ModuleClaims } from "../module/paths.js";
import { parseInput } from "./parseInput.js";

export type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/**
 * A route's answers by status: a schema for a JSON body, `null` for none (204), `"file"` for a
 * download the handler sends itself. The lowest 2xx status is the one the route answers with.
 */
export type Responses = Record<number, z.ZodType | null | "file">;

type Parsed<S> = S extends z.ZodType ? z.output<S> : undefined;
type Answer<R extends Responses> = {
  [K in keyof R]: R[K] extends z.ZodType ? z.input<R[K]> : R[K] extends null ? undefined : never;
}[keyof R];

export interface RouteSpec<
  A,
  P extends z.ZodType | undefined,
  Q extends z.ZodType | undefined,
  B extends z.ZodType | undefined,
  R extends Responses,
> {
  method: Method;
  /** Fastify's syntax, under the API's base path: `/items/:id`. */
  path: string;
  summary: string;
  /**
   * Who asks, resolved before the input is read, so that a request without credentials is a
   * 401 whatever its input.
   */
  who?: (request: FastifyRequest) => Promise<A>;
  params?: P;
  query?: Q;
  body?: B;
  /** The request body is a file (any content type), read by the parser of the encapsulated plugin it is registered in. */
  file?: boolean;
  responses: R;
  handler: (input: {
    who: A;
    params: Parsed<P>;
    query: Parsed<Q>;
    body: Parsed<B>;
    request: FastifyRequest;
    reply: FastifyReply;
  }) => Promise<Answer<R> | FastifyReply>;
}

interface Described {
  method: Method;
  path: string;
  summary: string;
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  file?: boolean;
  responses: Responses;
}

const ERROR = {
  type: "object",
  properties: { error: { type: "string" }, message: { type: "string" } },
  required: ["error", "message"],
};

function jsonSchema(schema: z.ZodType) {
  return z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as {
    properties?: Record<string, unknown>;
    required?: string[];
  };
}

/**
 * The routes every RestApi of a server declared, their OpenAPI descriptions included: two modules
 * may share a base (several answer under /api/v1), and neither's check
 * must refuse what the other declared.
 */
const declaredOn = new WeakMap<FastifyInstance, Set<string>>();

/**
 * A module's REST API, each route declared once: method, path, summary, the schemas of its
 * input and of its answers. Declaring registers the Fastify route (input checked with zod:
 * the protocol's 400 `field: message`) and records it in the API's OpenAPI description, served
 * at `<base>/openapi.json` unless `descriptionPath` names another path (one per API sharing a
 * base). A route declared twice, a route or description outside the module's `paths.rest`
 * (its `claims` option), or a route registered under the base without being declared through
 * a RestApi of the same server, stops the start with one line.
 */
export class RestApi {
  readonly #http: FastifyInstance;
  readonly #base: string;
  readonly #title: string;
  readonly #routes = new Map<string, Described>();
  readonly #claims: ModuleClaims;
  readonly #security: Record<string, unknown>;
  readonly #declared: Set<string>;
  #description: ReturnType<RestApi["description"]> | undefined;

  constructor(
    http: FastifyInstance,
    options: {
      base: string;
      title: string;
      /** What the module building this API declared: its `paths.rest` must hold every route. */
      claims: ModuleClaims;
      security?: Record<string, unknown>;
      /** Where the OpenAPI description is served; default `<base>/openapi.json`. */
      descriptionPath?: string;
    },
  ) {
    this.#claims = options.claims;
    this.#http = http;
    this.#base = options.base;
    this.#title = options.title;
    this.#security = options.security ?? {};
    const served = options.descriptionPath ?? `${this.#base}/openapi.json`;
    options.claims.require("rest", served);
    const declared = declaredOn.get(http) ?? new Set<string>();
    declaredOn.set(http, declared);
    this.#declared = declared;
    declared.add(`GET ${served}`);
    http.addHook("onRoute", (route) => {
      if (!route.url.startsWith(`${this.#base}/`)) return;
      for (const method of [route.method].flat()) {
        if (method === "HEAD" || declared.has(`${method} ${route.url}`)) continue;
        throw new Error(`${this.#title}: ${method} ${route.url} is not declared through RestApi`);
      }
    });
    /** GET <base>/openapi.json (or `descriptionPath`) — the API described for clients and code generators. */
    http.get(served, async () => {
      // Built at the first request: converting every schema is work a start that serves no
      // client can skip.
      this.#description ??= this.description();
      return this.#description;
    });
  }

  /**
   * Declares a route; `context` registers it in an encapsulated Fastify plugin instead (e.g. one
   * with its own body parser).
   */
  route<
    A = undefined,
    P extends z.ZodType | undefined = undefined,
    Q extends z.ZodType | undefined = undefined,
    B extends z.ZodType | undefined = undefined,
    R extends Responses = Responses,
  >(spec: RouteSpec<A, P, Q, B, R>, context: FastifyInstance = this.#http): void {
    const url = `${this.#base}${spec.path}`;
    const key = `${spec.method} ${url}`;
    if (this.#declared.has(key)) throw new Error(`${this.#title}: ${key} is declared twice`);
    this.#claims.require("rest", url);
    this.#routes.set(key, spec as Described);
    this.#declared.add(key);
    this.#description = undefined;
    const status = Math.min(
      ...Object.keys(spec.responses)
        .map(Number)
        .filter((code) => code >= 200 && code < 300),
    );
    const empty = spec.responses[status] === null;
    context.route({
      method: spec.method,
      url,
      handler: async (request, reply) => {
        const who = (spec.who ? await spec.who(request) : undefined) as A;
        const params = (spec.params ? parseInput(spec.params, request.params) : undefined) as
          | Parsed<P>
          | undefined;
        const query = spec.query ? parseInput(spec.query, request.query) : undefined;
        const body = spec.body ? parseInput(spec.body, request.body) : undefined;
        const answer = await spec.handler({
          who,
          params: params as Parsed<P>,
          query: query as Parsed<Q>,
          body: body as Parsed<B>,
          request,
          reply,
        });
        if (answer === reply) return reply;
        return empty ? reply.status(status).send() : reply.status(status).send(answer);
      },
    });
  }

  /** The routes declared, as `METHOD /full/path` (Fastify's syntax). */
  declared(): string[] {
    return [...this.#routes.keys()];
  }

  /** The OpenAPI 3.1 description of the routes declared so far. */
  description() {
    const paths: Record<string, Record<string, unknown>> = {};
    for (const route of this.#routes.values()) {
      const path = route.path.replace(/:(\w+)/g, "{$1}");
      const params = route.params ? jsonSchema(route.params) : undefined;
      const query = route.query ? jsonSchema(route.query) : undefined;
      const parameters = [
        ...[...path.matchAll(/\{(\w+)\}/g)].map((match) => ({
          name: match[1],
          in: "path",
          required: true,
          schema: params?.properties?.[match[1] as string] ?? { type: "string" },
        })),
        ...Object.entries(query?.properties ?? {}).map(([name, schema]) => ({
          name,
          in: "query",
          required: query?.required?.includes(name) ?? false,
          schema,
        })),
      ];
      const requestBody = route.body
        ? { required: true, content: { "application/json": { schema: jsonSchema(route.body) } } }
        : route.file
          ? {
              required: true,
              content: {
                "application/octet-stream": { schema: { type: "string", format: "binary" } },
              },
            }
          : undefined;
      const responses: Record<string, unknown> = {};
      for (const [status, schema] of Object.entries(route.responses)) {
        const description = Number(status) < 400 ? "Success" : "Error";
        responses[status] =
          schema === null
            ? { description }
            : schema === "file"
              ? {
                  description,
                  content: { "*/*": { schema: { type: "string", format: "binary" } } },
                }
              : { description, content: { "application/json": { schema: jsonSchema(schema) } } };
      }
      responses.default = {
        description: "Error",
        content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
      };
      paths[path] ??= {};
      paths[path][route.method.toLowerCase()] = {
        summary: route.summary,
        parameters,
        ...(requestBody ? { requestBody } : {}),
        responses,
      };
    }
    const { schemes, requirements } = this.#securityParts();
    return {
      openapi: "3.1.0",
      info: { title: this.#title, version: "1.0.0" },
      servers: [{ url: this.#base }],
      ...(requirements.length > 0 ? { security: requirements } : {}),
      paths,
      components: {
        ...(requirements.length > 0 ? { securitySchemes: schemes } : {}),
        schemas: { Error: ERROR },
      },
    };
  }

  #securityParts() {
    const schemes = this.#security;
    return { schemes, requirements: Object.keys(schemes).map((name) => ({ [name]: [] })) };
  }
}
