import type { Authenticator } from "@tandem/accounts";
import type { RestApi } from "@tandem/kernel";
import type { AccessRequests } from "../documents/AccessRequests.js";
import type { DocumentService } from "../documents/DocumentService.js";
import type { AccessRequestRow } from "../documents/SharingStore.js";
import { languageOf } from "../notifications/language.js";
import type { DocumentAccess } from "../permissions/DocumentAccess.js";
import {
  AcceptRequest,
  AccessList,
  AccessParams,
  AccessRequest,
  AccessRequestList,
  AskAccess,
  DocumentParams,
  GrantAccess,
  InvitationParams,
  RequestParams,
} from "../wire/index.js";
import { presentAccess } from "./presenters.js";
import { member } from "./requester.js";

function presentRequest(row: AccessRequestRow) {
  return { id: row.id, userId: row.user_id, role: row.role, createdAt: row.created_at };
}

export function registerAccessRoutes(
  api: RestApi,
  deps: {
    auth: Authenticator;
    access: DocumentAccess;
    documents: DocumentService;
    requests: AccessRequests;
  },
) {
  const who = member(deps);

  api.route({
    method: "GET",
    path: "/documents/:id/accesses",
    summary: "Accesses and pending invitations (those who may share); other members: names only",
    who,
    params: DocumentParams,
    responses: { 200: AccessList },
    handler: async ({ who, params }) => {
      const { accesses, invitations } = await deps.documents.accesses(who, params.id);
      return {
        accesses: accesses.map(presentAccess),
        invitations: invitations.map((row) => ({
          id: row.id,
          email: row.email,
          role: row.role,
          createdAt: row.created_at,
        })),
      };
    },
  });

  api.route({
    method: "POST",
    path: "/documents/:id/accesses",
    summary: "Give a role to an account (by e-mail) or a group",
    who,
    params: DocumentParams,
    body: GrantAccess,
    responses: { 204: null },
    handler: async ({ who, params, body, request }) => {
      const language = languageOf(request.headers["accept-language"]);
      await deps.documents.grant(who, params.id, body, language);
      return undefined;
    },
  });

  api.route({
    method: "DELETE",
    path: "/documents/:id/invitations/:invitationId",
    summary: "Withdraw an invitation",
    who,
    params: InvitationParams,
    responses: { 204: null },
    handler: async ({ who, params }) => {
      await deps.documents.cancelInvitation(who, params.id, params.invitationId);
      return undefined;
    },
  });

  api.route({
    method: "POST",
    path: "/documents/:id/access-requests",
    summary: "Ask the owners for a role",
    who,
    params: DocumentParams,
    body: AskAccess,
    responses: { 201: AccessRequest },
    handler: async ({ who, params, body, request }) => {
      const language = languageOf(request.headers["accept-language"]);
      return presentRequest(await deps.requests.ask(who, params.id, body.role, language));
    },
  });

  api.route({
    method: "GET",
    path: "/documents/:id/access-requests",
    summary: "Pending access requests (owners and administrators)",
    who,
    params: DocumentParams,
    responses: { 200: AccessRequestList },
    handler: async ({ who, params }) => ({
      requests: (await deps.requests.list(who, params.id)).map(presentRequest),
    }),
  });

  api.route({
    method: "POST",
    path: "/documents/:id/access-requests/:requestId/accept",
    summary: "Accept an access request, with the role asked for or the one given",
    who,
    params: RequestParams,
    body: AcceptRequest,
    responses: { 204: null },
    handler: async ({ who, params, body, request }) => {
      const language = languageOf(request.headers["accept-language"]);
      await deps.requests.accept(who, params.id, params.requestId, body.role, language);
      return undefined;
    },
  });

  api.route({
    method: "DELETE",
    path: "/documents/:id/access-requests/:requestId",
    summary: "Refuse an access request",
    who,
    params: RequestParams,
    responses: { 204: null },
    handler: async ({ who, params }) => {
      await deps.requests.refuse(who, params.id, params.requestId);
      return undefined;
    },
  });

  api.route({
    method: "DELETE",
    path: "/documents/:id/accesses/:accessId",
    summary: "Remove an access",
    who,
    params: AccessParams,
    responses: { 204: null },
    handler: async ({ who, params }) => {
      await deps.documents.revoke(who, params.id, params.accessId);
      return undefined;
    },
  });
}
