import type { FastifyError, FastifyReply, FastifyRequest } from "fastify";
import { TandemError } from "../errors/TandemError.js";

/**
 * The mapper for Tandem's own REST API: `{ "error": code, "message": text }` with the
 * error's status. Only Tandem's typed errors and Fastify's own refusals of a request (bad
 * JSON, a body too large, an unknown media type) are worded for clients; any other error's
 * text may be internal ("Cannot read properties of undefined…"), so it is logged and the
 * client gets a generic message: a 500, or the status a library set with a plain wording.
 */
export function restErrorHandler(
  error: FastifyError,
  request: FastifyRequest,
  reply: FastifyReply,
) {
  if (error instanceof TandemError) {
    // An error that says when to come back (TooManyAttempts) says it the HTTP way too.
    if ("retryAfter" in error && typeof error.retryAfter === "number") {
      reply.header("retry-after", String(error.retryAfter));
    }
    return reply.status(error.status).send({ error: error.code, message: error.message });
  }
  if (error.validation) {
    return reply.status(400).send({ error: "invalid_request", message: error.message });
  }
  const status = error.statusCode ?? 500;
  if (status >= 400 && status < 500) {
    const fastifys = typeof error.code === "string" && error.code.startsWith("FST_");
    if (!fastifys) request.log.warn({ err: error }, "request refused by a library");
    return reply
      .status(status)
      .send({ error: errorCode(status), message: fastifys ? error.message : REFUSED });
  }
  request.log.error({ err: error }, "request failed");
  return reply.status(500).send({ error: "internal_error", message: "Something went wrong." });
}

const REFUSED = "The request was refused.";

function errorCode(status: number): string {
  switch (status) {
    case 404:
      return "not_found";
    case 413:
      return "payload_too_large";
    case 415:
      return "unsupported_media_type";
    default:
      return "invalid_request";
  }
}
