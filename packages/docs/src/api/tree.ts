import type { Authenticator } from "@tandem/accounts";
import type { RestApi } from "@tandem/kernel";
import type { TreeService } from "../documents/TreeService.js";
import type { DocumentAccess } from "../permissions/DocumentAccess.js";
import {
  DocumentList,
  DocumentParams,
  FromTemplate,
  MoveDocument,
  ResolvedDocument,
  SetTemplate,
  TrashList,
} from "../wire/index.js";
import { presentDocument, presentResolved } from "./presenters.js";
import { member } from "./requester.js";

export function registerTreeRoutes(
  api: RestApi,
  deps: { auth: Authenticator; access: DocumentAccess; tree: TreeService },
) {
  const who = member(deps);

  api.route({
    method: "POST",
    path: "/documents/:id/move",
    summary: "Move under another document, or to the top with `null`",
    who,
    params: DocumentParams,
    body: MoveDocument,
    responses: { 200: ResolvedDocument },
    handler: async ({ who, params, body }) =>
      presentResolved(await deps.tree.move(who, params.id, body.parentId)),
  });

  api.route({
    method: "POST",
    path: "/documents/:id/duplicate",
    summary: "Copy a document beside it, content included",
    who,
    params: DocumentParams,
    responses: { 201: ResolvedDocument },
    handler: async ({ who, params }) => presentResolved(await deps.tree.duplicate(who, params.id)),
  });

  api.route({
    method: "DELETE",
    path: "/documents/:id",
    summary: "Put a document and its sub-pages in the trash (owners)",
    who,
    params: DocumentParams,
    responses: { 204: null },
    handler: async ({ who, params }) => {
      await deps.tree.trash(who, params.id);
      return undefined;
    },
  });

  api.route({
    method: "GET",
    path: "/trash",
    summary: "What the user may restore (30 days)",
    who,
    responses: { 200: TrashList },
    handler: async ({ who }) => ({
      documents: (await deps.tree.trashOf(who)).map((row) => ({
        ...presentDocument(row),
        deletedAt: row.deleted_at,
      })),
    }),
  });

  api.route({
    method: "POST",
    path: "/documents/:id/restore",
    summary: "Restore from the trash, with what went there with it",
    who,
    params: DocumentParams,
    responses: { 200: ResolvedDocument },
    handler: async ({ who, params }) => presentResolved(await deps.tree.restore(who, params.id)),
  });

  for (const [method, favourite] of [
    ["PUT", true],
    ["DELETE", false],
  ] as const) {
    api.route({
      method,
      path: "/documents/:id/favourite",
      summary: favourite ? "Add to the user's favourites" : "Remove from the user's favourites",
      who,
      params: DocumentParams,
      responses: { 204: null },
      handler: async ({ who, params }) => {
        await deps.tree.setFavourite(who, params.id, favourite);
        return undefined;
      },
    });
  }

  api.route({
    method: "GET",
    path: "/favourites",
    summary: "The user's favourites",
    who,
    responses: { 200: DocumentList },
    handler: async ({ who }) => ({
      documents: (await deps.tree.favourites(who)).map(presentDocument),
    }),
  });

  api.route({
    method: "PUT",
    path: "/documents/:id/template",
    summary: "Make it a template, or not (administrators)",
    who,
    params: DocumentParams,
    body: SetTemplate,
    responses: { 200: ResolvedDocument },
    handler: async ({ who, params, body }) =>
      presentResolved(await deps.tree.setTemplate(who, params.id, body.isTemplate)),
  });

  api.route({
    method: "GET",
    path: "/templates",
    summary: "Templates the user may use",
    who,
    responses: { 200: DocumentList },
    handler: async ({ who }) => ({
      documents: (await deps.tree.templates(who)).map(presentDocument),
    }),
  });

  api.route({
    method: "POST",
    path: "/from-template",
    summary: "Create a document with a template's content",
    who,
    body: FromTemplate,
    responses: { 201: ResolvedDocument },
    handler: async ({ who, body }) =>
      presentResolved(await deps.tree.fromTemplate(who, body.templateId, body.title)),
  });
}
