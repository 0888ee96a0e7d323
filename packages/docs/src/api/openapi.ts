import { z } from "@tandem/kernel";
import type { FastifyInstance } from "fastify";
import { Accept, Ask, Grant } from "./accesses.js";
import { Recover } from "./admin.js";
import { Anchor, Emoji, NewComment, NewThread } from "./comments.js";
import { Create, DOCS_API, Update } from "./documents.js";
import { ExportQuery, ImportQuery } from "./exchange.js";
import { SearchQuery } from "./search.js";
import { FromTemplate, Move, Template } from "./tree.js";
import { Diff, Named } from "./versions.js";

type Method = "get" | "post" | "put" | "patch" | "delete";
interface Operation {
  summary: string;
  body?: z.ZodType;
  query?: z.ZodType;
  /** The request body is a file, not JSON. */
  file?: boolean;
  status?: number;
}

const D = "/documents/{id}";
const T = `${D}/threads/{threadId}`;

/** Every route of the docs API; a test keeps this list equal to the routes registered. */
export const OPERATIONS: Record<string, Partial<Record<Method, Operation>>> = {
  "/documents": {
    get: { summary: "Documents shared with the user or their groups" },
    post: { summary: "Create a document or a sub-page", body: Create, status: 201 },
  },
  [D]: {
    get: { summary: "A document with the requester's role and abilities" },
    patch: { summary: "Change title, icon or link settings", body: Update },
    delete: { summary: "Put a document and its sub-pages in the trash", status: 204 },
  },
  [`${D}/children`]: { get: { summary: "Sub-pages" } },
  [`${D}/accesses`]: {
    get: {
      summary: "Accesses and pending invitations (those who may share); other members: names only",
    },
    post: { summary: "Give a role to an account (by e-mail) or a group", body: Grant, status: 204 },
  },
  [`${D}/accesses/{accessId}`]: { delete: { summary: "Remove an access", status: 204 } },
  [`${D}/invitations/{invitationId}`]: {
    delete: { summary: "Withdraw an invitation", status: 204 },
  },
  [`${D}/access-requests`]: {
    get: { summary: "Pending access requests" },
    post: { summary: "Ask for access", body: Ask, status: 201 },
  },
  [`${D}/access-requests/{requestId}`]: {
    delete: { summary: "Refuse an access request", status: 204 },
  },
  [`${D}/access-requests/{requestId}/accept`]: {
    post: { summary: "Accept an access request", body: Accept, status: 204 },
  },
  [`${D}/move`]: { post: { summary: "Move under another document or to the top", body: Move } },
  [`${D}/duplicate`]: { post: { summary: "Copy a document beside it", status: 201 } },
  [`${D}/restore`]: { post: { summary: "Restore from the trash" } },
  [`${D}/favourite`]: {
    put: { summary: "Add to favourites", status: 204 },
    delete: { summary: "Remove from favourites", status: 204 },
  },
  [`${D}/template`]: { put: { summary: "Make it a template, or not", body: Template } },
  "/trash": { get: { summary: "What the user may restore" } },
  "/favourites": { get: { summary: "The user's favourites" } },
  "/templates": { get: { summary: "Templates the user may use" } },
  "/from-template": {
    post: { summary: "Create a document from a template", body: FromTemplate, status: 201 },
  },
  [`${D}/versions`]: {
    get: { summary: "Versions, newest first" },
    post: { summary: "Name a version of the content as it is now", body: Named, status: 201 },
  },
  [`${D}/versions/diff`]: { get: { summary: "Lines added and removed", query: Diff } },
  [`${D}/versions/{versionId}`]: { get: { summary: "A version: its text and Yjs state" } },
  [`${D}/versions/{versionId}/restore`]: {
    post: { summary: "Make a version's content current", status: 204 },
  },
  "/admin/orphans": {
    get: { summary: "Documents without an owner (instance administrators)" },
  },
  "/admin/orphans/{id}/recover": {
    post: {
      summary: "Give an ownerless document an owner (instance administrators)",
      body: Recover,
    },
  },
  "/search": { get: { summary: "Full-text search with snippets", query: SearchQuery } },
  [`${D}/export`]: {
    get: { summary: "Download as Markdown, HTML, DOCX, ODT or PDF", query: ExportQuery },
  },
  "/import": {
    post: {
      summary: "Create a document from a Markdown, DOCX or ODT file",
      query: ImportQuery,
      file: true,
      status: 201,
    },
  },
  [`${D}/threads`]: { post: { summary: "Open a comment thread", body: NewThread } },
  [T]: { delete: { summary: "Delete a thread" } },
  [`${T}/addToDocument`]: { post: { summary: "Anchor a thread to text", body: Anchor } },
  [`${T}/comments`]: { post: { summary: "Reply", body: NewComment } },
  [`${T}/comments/{commentId}`]: {
    put: { summary: "Edit a comment", body: NewComment },
    delete: { summary: "Delete a comment" },
  },
  [`${T}/resolve`]: { post: { summary: "Resolve a thread" } },
  [`${T}/unresolve`]: { post: { summary: "Reopen a thread" } },
  [`${T}/comments/{commentId}/reactions`]: { post: { summary: "React", body: Emoji } },
  [`${T}/comments/{commentId}/reactions/{emoji}`]: { delete: { summary: "Remove a reaction" } },
};

function schemaOf(schema: z.ZodType) {
  return z.toJSONSchema(schema, { io: "input", unrepresentable: "any" });
}

/** The OpenAPI 3.1 document of the docs API. */
export function openApiDocument() {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const [path, methods] of Object.entries(OPERATIONS)) {
    const item: Record<string, unknown> = {};
    for (const [method, operation] of Object.entries(methods)) {
      const parameters: unknown[] = [...path.matchAll(/\{(\w+)\}/g)].map((match) => ({
        name: match[1],
        in: "path",
        required: true,
        schema: { type: "string" },
      }));
      const query = operation.query
        ? (schemaOf(operation.query) as { properties?: object; required?: string[] })
        : undefined;
      for (const [name, schema] of Object.entries(query?.properties ?? {})) {
        parameters.push({
          name,
          in: "query",
          required: query?.required?.includes(name) ?? false,
          schema,
        });
      }
      item[method] = {
        summary: operation.summary,
        parameters,
        ...(operation.body
          ? {
              requestBody: {
                required: true,
                content: { "application/json": { schema: schemaOf(operation.body) } },
              },
            }
          : operation.file
            ? {
                requestBody: {
                  required: true,
                  content: {
                    "application/octet-stream": { schema: { type: "string", format: "binary" } },
                  },
                },
              }
            : {}),
        responses: {
          [String(operation.status ?? 200)]: { description: "Success" },
          default: {
            description: "Error",
            content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
          },
        },
      };
    }
    paths[path] = item;
  }
  return {
    openapi: "3.1.0",
    info: { title: "Tandem Docs API", version: "1.0.0" },
    servers: [{ url: DOCS_API }],
    security: [{ bearer: [] }, { session: [] }],
    paths,
    components: {
      securitySchemes: {
        bearer: {
          type: "http",
          scheme: "bearer",
          description: "A personal access token or an app's access token with the `api` scope",
        },
        session: { type: "apiKey", in: "cookie", name: "tandem_session" },
      },
      schemas: {
        Error: {
          type: "object",
          properties: { error: { type: "string" }, message: { type: "string" } },
          required: ["error", "message"],
        },
      },
    },
  };
}

/**
 * Serves the OpenAPI document and keeps it true: called before the docs routes are
 * registered, it checks them once the server is ready (plugins included) — a route added
 * without its description, or the reverse, stops the start with the list of differences.
 */
export function registerOpenApiRoute(http: FastifyInstance): void {
  const served = new Set<string>();
  http.addHook("onRoute", (route) => {
    if (!route.url.startsWith(DOCS_API) || route.url.endsWith("/openapi.json")) return;
    for (const method of [route.method].flat()) {
      if (method !== "HEAD") served.add(`${method} ${route.url}`);
    }
  });
  // Built at the first request, not at start: the check below needs only OPERATIONS, and
  // converting every schema to JSON Schema is allocation a start that serves no client skips.
  let document: ReturnType<typeof openApiDocument> | undefined;
  /** GET /openapi.json — this API described for clients and code generators. */
  http.get(`${DOCS_API}/openapi.json`, async () => {
    document ??= openApiDocument();
    return document;
  });
  http.addHook("onReady", async () => {
    const documented = new Set<string>();
    for (const [path, methods] of Object.entries(OPERATIONS)) {
      for (const method of Object.keys(methods)) {
        documented.add(`${method.toUpperCase()} ${DOCS_API}${path.replace(/\{(\w+)\}/g, ":$1")}`);
      }
    }
    const differences = [
      ...[...served].filter((route) => !documented.has(route)).map((r) => `undocumented: ${r}`),
      ...[...documented].filter((route) => !served.has(route)).map((r) => `not served: ${r}`),
    ];
    if (differences.length > 0) {
      throw new Error(`the docs API and its OpenAPI document differ:\n${differences.join("\n")}`);
    }
  });
}
