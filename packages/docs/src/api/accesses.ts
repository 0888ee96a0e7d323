import type { Authenticator } from "@tandem/accounts";
import { parseInput, z } from "@tandem/kernel";
import type { FastifyInstance } from "fastify";
import type { AccessRequests } from "../documents/AccessRequests.js";
import type { DocumentService } from "../documents/DocumentService.js";
import type { AccessRequestRow } from "../documents/SharingStore.js";
import { languageOf } from "../notifications/language.js";
import type { DocumentAccess } from "../permissions/DocumentAccess.js";
import { ROLES } from "../storage/tables.js";
import { DOCS_API } from "./documents.js";
import { presentAccess } from "./presenters.js";
import { requesterOf } from "./requester.js";

const Params = z.object({ id: z.string().min(1).max(64) });
const AccessParams = Params.extend({ accessId: z.string().min(1).max(64) });
const InvitationParams = Params.extend({ invitationId: z.string().min(1).max(64) });
const RequestParams = Params.extend({ requestId: z.string().min(1).max(64) });
export const Ask = z.object({ role: z.enum(ROLES).default("reader") }).strict();
export const Accept = z.object({ role: z.enum(ROLES).optional() }).strict();

function presentRequest(row: AccessRequestRow) {
  return { id: row.id, userId: row.user_id, role: row.role, createdAt: row.created_at };
}

export const Grant = z
  .object({
    email: z.string().max(320).optional(),
    groupId: z.string().max(64).optional(),
    role: z.enum(ROLES),
  })
  .strict()
  .refine((input) => !!input.email !== !!input.groupId, {
    message: "give either an email or a groupId",
  });

export function registerAccessRoutes(
  http: FastifyInstance,
  deps: {
    auth: Authenticator;
    access: DocumentAccess;
    documents: DocumentService;
    requests: AccessRequests;
  },
) {
  /** GET /documents/:id/accesses — who has a role on the document (sharers; members: names only). */
  http.get(`${DOCS_API}/documents/:id/accesses`, async (request) => {
    const requester = await requesterOf(deps, request);
    const { id } = parseInput(Params, request.params);
    const { accesses, invitations } = await deps.documents.accesses(requester, id);
    return {
      accesses: accesses.map(presentAccess),
      invitations: invitations.map((row) => ({
        id: row.id,
        email: row.email,
        role: row.role,
        createdAt: row.created_at,
      })),
    };
  });

  /** POST /documents/:id/accesses — gives an account or a group a role (204). */
  http.post(`${DOCS_API}/documents/:id/accesses`, async (request, reply) => {
    const requester = await requesterOf(deps, request);
    const { id } = parseInput(Params, request.params);
    const input = parseInput(Grant, request.body);
    await deps.documents.grant(
      requester,
      id,
      input,
      languageOf(request.headers["accept-language"]),
    );
    return reply.status(204).send();
  });

  /** DELETE /documents/:id/invitations/:invitationId — withdraws an invitation (204). */
  http.delete(`${DOCS_API}/documents/:id/invitations/:invitationId`, async (request, reply) => {
    const requester = await requesterOf(deps, request);
    const { id, invitationId } = parseInput(InvitationParams, request.params);
    await deps.documents.cancelInvitation(requester, id, invitationId);
    return reply.status(204).send();
  });

  /** POST /documents/:id/access-requests — asks the owners for a role (201). */
  http.post(`${DOCS_API}/documents/:id/access-requests`, async (request, reply) => {
    const requester = await requesterOf(deps, request);
    const { id } = parseInput(Params, request.params);
    const { role } = parseInput(Ask, request.body);
    const language = languageOf(request.headers["accept-language"]);
    const asked = await deps.requests.ask(requester, id, role, language);
    return reply.status(201).send(presentRequest(asked));
  });

  /** GET /documents/:id/access-requests — pending requests (owners and administrators). */
  http.get(`${DOCS_API}/documents/:id/access-requests`, async (request) => {
    const requester = await requesterOf(deps, request);
    const { id } = parseInput(Params, request.params);
    return { requests: (await deps.requests.list(requester, id)).map(presentRequest) };
  });

  /** POST …/access-requests/:requestId/accept — grants it, or the role given (204). */
  http.post(
    `${DOCS_API}/documents/:id/access-requests/:requestId/accept`,
    async (request, reply) => {
      const requester = await requesterOf(deps, request);
      const { id, requestId } = parseInput(RequestParams, request.params);
      const { role } = parseInput(Accept, request.body);
      const language = languageOf(request.headers["accept-language"]);
      await deps.requests.accept(requester, id, requestId, role, language);
      return reply.status(204).send();
    },
  );

  /** DELETE …/access-requests/:requestId — refuses it (204). */
  http.delete(`${DOCS_API}/documents/:id/access-requests/:requestId`, async (request, reply) => {
    const requester = await requesterOf(deps, request);
    const { id, requestId } = parseInput(RequestParams, request.params);
    await deps.requests.refuse(requester, id, requestId);
    return reply.status(204).send();
  });

  /** DELETE /documents/:id/accesses/:accessId — removes one (204). */
  http.delete(`${DOCS_API}/documents/:id/accesses/:accessId`, async (request, reply) => {
    const requester = await requesterOf(deps, request);
    const { id, accessId } = parseInput(AccessParams, request.params);
    await deps.documents.revoke(requester, id, accessId);
    return reply.status(204).send();
  });
}
