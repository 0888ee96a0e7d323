import type { Authenticator } from "@tandem/accounts";
import type { FastifyRequest } from "fastify";
import type { Requester } from "../permissions/abilities.js";
import type { DocumentAccess } from "../permissions/DocumentAccess.js";

/** Who a REST request acts for; `null` only where a public link lets visitors in. */
export async function requesterOf(
  deps: { auth: Authenticator; access: DocumentAccess },
  request: FastifyRequest,
  options: { visitorsWelcome: true },
): Promise<Requester | null>;
export async function requesterOf(
  deps: { auth: Authenticator; access: DocumentAccess },
  request: FastifyRequest,
): Promise<Requester>;
export async function requesterOf(
  deps: { auth: Authenticator; access: DocumentAccess },
  request: FastifyRequest,
  options?: { visitorsWelcome: true },
): Promise<Requester | null> {
  if (options?.visitorsWelcome && !(await deps.auth.principal(request))) return null;
  const { user } = await deps.auth.require(request);
  return (await deps.access.requesterOf(user)) as Requester;
}

type Deps = { auth: Authenticator; access: DocumentAccess };
/** A route's `who` (RestApi): a signed-in account, else 401. */
export const member = (deps: Deps) => (request: FastifyRequest) => requesterOf(deps, request);
/** A route's `who` where a public link lets visitors in (`null`). */
export const memberOrVisitor = (deps: Deps) => (request: FastifyRequest) =>
  requesterOf(deps, request, { visitorsWelcome: true });
