import type { Authenticator } from "@tandem/accounts";
import type { RestApi } from "@tandem/kernel";
import type { DocumentService } from "../documents/DocumentService.js";
import type { DocumentStore } from "../documents/DocumentStore.js";
import type { DocumentAccess } from "../permissions/DocumentAccess.js";
import {
  CreateDocument,
  DocumentList,
  DocumentParams,
  ResolvedDocument,
  UpdateDocument,
} from "../wire/index.js";
import { presentDocument, presentResolved } from "./presenters.js";
import { member, memberOrVisitor } from "./requester.js";

export function registerDocumentRoutes(
  api: RestApi,
  deps: {
    auth: Authenticator;
    access: DocumentAccess;
    store: DocumentStore;
    documents: DocumentService;
  },
) {
  const signedIn = member(deps);
  const visitor = memberOrVisitor(deps);

  api.route({
    method: "POST",
    path: "/documents",
    summary: "Create a document (owned by its creator) or a sub-page",
    who: signedIn,
    body: CreateDocument,
    responses: { 201: ResolvedDocument },
    handler: async ({ who, body }) => presentResolved(await deps.documents.create(who, body)),
  });

  api.route({
    method: "GET",
    path: "/documents",
    summary: "Documents shared with the user or their groups directly",
    who: signedIn,
    responses: { 200: DocumentList },
    handler: async ({ who }) => {
      const rows = await deps.store.sharedWith(who.userId, who.groupIds);
      return { documents: rows.map(presentDocument) };
    },
  });

  api.route({
    method: "GET",
    path: "/documents/:id",
    summary: "A document with the requester's role and abilities",
    who: visitor,
    params: DocumentParams,
    responses: { 200: ResolvedDocument },
    handler: async ({ who, params }) =>
      presentResolved(await deps.access.require(params.id, who, "read")),
  });

  api.route({
    method: "GET",
    path: "/documents/:id/children",
    summary: "Sub-pages",
    who: visitor,
    params: DocumentParams,
    responses: { 200: DocumentList },
    handler: async ({ who, params }) => ({
      documents: (await deps.documents.children(who, params.id)).map(presentDocument),
    }),
  });

  api.route({
    method: "PATCH",
    path: "/documents/:id",
    summary: "Change title and icon (editors) or link settings (administrators)",
    who: signedIn,
    params: DocumentParams,
    body: UpdateDocument,
    responses: { 200: ResolvedDocument },
    handler: async ({ who, params, body }) =>
      presentResolved(await deps.documents.update(who, params.id, body)),
  });
}
