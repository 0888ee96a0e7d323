import { TandemError } from "@tandem/kernel";
import type { FastifyError, FastifyReply, FastifyRequest } from "fastify";
import { ERROR_MESSAGE, SCIM_CONTENT_TYPE } from "./urns.js";

/** RFC 7644 §3.12, table 9: the detail codes of a 400 (and `uniqueness` for a 409). */
export type ScimType =
  | "invalidFilter"
  | "tooMany"
  | "uniqueness"
  | "mutability"
  | "invalidSyntax"
  | "invalidPath"
  | "noTarget"
  | "invalidValue"
  | "invalidVers"
  | "sensitive";

/** An error in SCIM's own terms; the mapper below sends it as SCIM's Error message. */
export class ScimError extends Error {
  readonly status: number;
  readonly scimType: ScimType | undefined;

  constructor(status: number, scimType: ScimType | undefined, detail: string) {
    super(detail);
    this.status = status;
    this.scimType = scimType;
    this.name = "ScimError";
  }
}

export const invalidFilter = (detail: string) => new ScimError(400, "invalidFilter", detail);
export const invalidSyntax = (detail: string) => new ScimError(400, "invalidSyntax", detail);
export const invalidValue = (detail: string) => new ScimError(400, "invalidValue", detail);
export const invalidPath = (detail: string) => new ScimError(400, "invalidPath", detail);
export const mutability = (detail: string) => new ScimError(400, "mutability", detail);
export const uniqueness = (detail: string) => new ScimError(409, "uniqueness", detail);
export const notFound = (detail: string) => new ScimError(404, undefined, detail);

/** The wire shape of an error (RFC 7644 §3.12): `status` is a string there. */
export function presentError(status: number, scimType: ScimType | undefined, detail: string) {
  return {
    schemas: [ERROR_MESSAGE],
    status: String(status),
    ...(scimType ? { scimType } : {}),
    detail,
  };
}

/**
 * The SCIM mapper: Tandem's typed errors, Fastify's body and routing errors and SCIM's own,
 * each with its status and `scimType`. Another library's 4xx keeps its status but not its
 * text, which is written for developers; it is logged. Anything else is logged and answered
 * as a plain 500, never with a stack trace.
 */
export function scimErrorHandler(
  error: FastifyError,
  request: FastifyRequest,
  reply: FastifyReply,
) {
  const { status, scimType, detail } = describe(error);
  if (status >= 500) request.log.error({ err: error }, "SCIM request failed");
  else if (detail === REFUSED)
    request.log.warn({ err: error }, "SCIM request refused by a library");
  if (status === 401) reply.header("www-authenticate", 'Bearer realm="Tandem SCIM"');
  return reply
    .status(status)
    .type(SCIM_CONTENT_TYPE)
    .send(presentError(status, scimType, detail));
}

const REFUSED = "The request was refused.";

function describe(error: FastifyError): {
  status: number;
  scimType: ScimType | undefined;
  detail: string;
} {
  if (error instanceof ScimError) {
    return { status: error.status, scimType: error.scimType, detail: error.message };
  }
  if (error instanceof TandemError) {
    const scimType =
      error.status === 409 ? "uniqueness" : error.status === 400 ? "invalidValue" : undefined;
    return { status: error.status, scimType, detail: error.message };
  }
  const status = error.statusCode ?? 500;
  switch (error.code) {
    case "FST_ERR_CTP_INVALID_JSON_BODY":
    case "FST_ERR_CTP_EMPTY_JSON_BODY":
      return { status: 400, scimType: "invalidSyntax", detail: "The body is not a JSON object." };
    case "FST_ERR_CTP_BODY_TOO_LARGE":
      // 413, as RFC 7644 answers a request over the provider's limits (SCIM format all the same).
      return { status: 413, scimType: undefined, detail: "The body is too large." };
    case "FST_ERR_CTP_INVALID_MEDIA_TYPE":
      return {
        status: 415,
        scimType: undefined,
        detail: "Send the body as application/scim+json or application/json.",
      };
  }
  if (status >= 400 && status < 500) {
    const fastifys = typeof error.code === "string" && error.code.startsWith("FST_");
    return {
      status,
      scimType: fastifys && status === 400 ? "invalidSyntax" : undefined,
      detail: fastifys ? error.message : REFUSED,
    };
  }
  return { status: 500, scimType: undefined, detail: "Something went wrong." };
}
