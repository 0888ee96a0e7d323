import type { FastifyInstance, FastifyRequest } from "fastify";
import { InvalidRequest } from "../errors/TandemError.js";

/**
 * PostgreSQL's text cannot hold U+0000 ("invalid byte sequence for encoding UTF8: 0x00"),
 * SQLite's can: a NUL that reached a query failed with a 500 on one engine and was stored
 * on the other. No field of Tandem's has a use for it, so it is refused at the edge, before
 * any handler, the same on both engines.
 */
export const NUL_REFUSED = "must not contain a NUL character (U+0000)";

/** `%00` is the only way a URL carries a NUL (Node's parser refuses a raw one in the request line). */
const ENCODED_NUL = /%00/i;

/** Whether a raw URL (path and query, as received) carries a NUL once decoded. */
export function urlHasNul(url: string): boolean {
  return ENCODED_NUL.test(url);
}

/**
 * Where a NUL hides in a parsed request part (a string, or JSON's objects and arrays, keys
 * included): the dotted path of the first field holding one, `""` for the value itself, or
 * undefined when there is none. Buffers (uploaded files) are not text and are not walked.
 */
export function nulField(value: unknown, path = ""): string | undefined {
  if (typeof value === "string") return value.includes("\0") ? path : undefined;
  if (value === null || typeof value !== "object" || Buffer.isBuffer(value)) return undefined;
  for (const [key, item] of Object.entries(value)) {
    const field = path ? `${path}.${key}` : key;
    if (key.includes("\0")) return field;
    const found = nulField(item, field);
    if (found !== undefined) return found;
  }
  return undefined;
}

/** The part and field of a request that carries a NUL, named as a client would look for it. */
export function requestNulField(request: FastifyRequest): string | undefined {
  const parts: Array<[string, unknown]> = [
    ["path", request.params],
    ["query", request.query],
    ["body", request.body],
  ];
  for (const [part, value] of parts) {
    const field = nulField(value);
    if (field !== undefined) return field || part;
  }
  return undefined;
}

/**
 * Refuses a request with a NUL in its path parameters, query or parsed body as a 400
 * `invalid_request`, raised as a TandemError so the error handler of the encapsulated plugin
 * that serves the route answers it in its protocol's shape. preValidation runs once the body
 * is parsed, after that plugin's own onRequest checks (a protocol's credentials come first).
 */
export function registerNulGuard(app: FastifyInstance): void {
  app.addHook("preValidation", async (request) => {
    const field = requestNulField(request);
    if (field !== undefined) throw new InvalidRequest(`${field}: ${NUL_REFUSED}`);
  });
}
