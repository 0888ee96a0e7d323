import type { Authenticator } from "@tandem/accounts";
import { parseInput, text, z } from "@tandem/kernel";
import type { FastifyInstance } from "fastify";
import type { TreeService } from "../documents/TreeService.js";
import type { DocumentAccess } from "../permissions/DocumentAccess.js";
import { DOCS_API } from "./documents.js";
import { presentDocument, presentResolved } from "./presenters.js";
import { requesterOf } from "./requester.js";

const Params = z.object({ id: z.string().min(1).max(64) });
export const Move = z.object({ parentId: z.string().max(64).nullable() }).strict();
export const FromTemplate = z
  .object({ templateId: z.string().min(1).max(64), title: text(z.string().max(300)).optional() })
  .strict();
export const Template = z.object({ isTemplate: z.boolean() }).strict();

export function registerTreeRoutes(
  http: FastifyInstance,
  deps: { auth: Authenticator; access: DocumentAccess; tree: TreeService },
) {
  const docs = `${DOCS_API}/documents`;

  /** POST /documents/:id/move — under another document, or to the top with `null`. */
  http.post(`${docs}/:id/move`, async (request) => {
    const requester = await requesterOf(deps, request);
    const { id } = parseInput(Params, request.params);
    const { parentId } = parseInput(Move, request.body);
    return presentResolved(await deps.tree.move(requester, id, parentId));
  });

  /** POST /documents/:id/duplicate — a copy beside it, content included. */
  http.post(`${docs}/:id/duplicate`, async (request, reply) => {
    const requester = await requesterOf(deps, request);
    const { id } = parseInput(Params, request.params);
    return reply.status(201).send(presentResolved(await deps.tree.duplicate(requester, id)));
  });

  /** DELETE /documents/:id — to the trash with everything below it (owners; 204). */
  http.delete(`${docs}/:id`, async (request, reply) => {
    const requester = await requesterOf(deps, request);
    const { id } = parseInput(Params, request.params);
    await deps.tree.trash(requester, id);
    return reply.status(204).send();
  });

  /** GET /trash — what the user may restore (30 days). */
  http.get(`${DOCS_API}/trash`, async (request) => {
    const requester = await requesterOf(deps, request);
    return {
      documents: (await deps.tree.trashOf(requester)).map((row) => ({
        ...presentDocument(row),
        deletedAt: row.deleted_at,
      })),
    };
  });

  /** POST /documents/:id/restore — back from the trash with what went with it. */
  http.post(`${docs}/:id/restore`, async (request) => {
    const requester = await requesterOf(deps, request);
    const { id } = parseInput(Params, request.params);
    return presentResolved(await deps.tree.restore(requester, id));
  });

  /** PUT / DELETE /documents/:id/favourite — the user's own shortlist (204). */
  for (const [method, favourite] of [
    ["PUT", true],
    ["DELETE", false],
  ] as const) {
    http.route({
      method,
      url: `${docs}/:id/favourite`,
      handler: async (request, reply) => {
        const requester = await requesterOf(deps, request);
        const { id } = parseInput(Params, request.params);
        await deps.tree.setFavourite(requester, id, favourite);
        return reply.status(204).send();
      },
    });
  }

  http.get(`${DOCS_API}/favourites`, async (request) => {
    const requester = await requesterOf(deps, request);
    return { documents: (await deps.tree.favourites(requester)).map(presentDocument) };
  });

  /** PUT /documents/:id/template — make it a template, or not (administrators). */
  http.put(`${docs}/:id/template`, async (request) => {
    const requester = await requesterOf(deps, request);
    const { id } = parseInput(Params, request.params);
    const { isTemplate } = parseInput(Template, request.body);
    return presentResolved(await deps.tree.setTemplate(requester, id, isTemplate));
  });

  http.get(`${DOCS_API}/templates`, async (request) => {
    const requester = await requesterOf(deps, request);
    return { documents: (await deps.tree.templates(requester)).map(presentDocument) };
  });

  /** POST /from-template — a new document with a template's content. */
  http.post(`${DOCS_API}/from-template`, async (request, reply) => {
    const requester = await requesterOf(deps, request);
    const { templateId, title } = parseInput(FromTemplate, request.body);
    return reply
      .status(201)
      .send(presentResolved(await deps.tree.fromTemplate(requester, templateId, title)));
  });
}
