import type { Authenticator } from "@tandem/accounts";
import { parseInput, text, z } from "@tandem/kernel";
import type { FastifyInstance } from "fastify";
import type { DocumentService } from "../documents/DocumentService.js";
import type { DocumentStore } from "../documents/DocumentStore.js";
import type { DocumentAccess } from "../permissions/DocumentAccess.js";
import { LINK_REACHES, LINK_ROLES } from "../storage/tables.js";
import { presentDocument, presentResolved } from "./presenters.js";
import { requesterOf } from "./requester.js";

export const DOCS_API = "/api/docs/v1";

const Params = z.object({ id: z.string().min(1).max(64) });
const Title = text(z.string().max(300));
export const Create = z
  .object({ title: Title.optional(), parentId: z.string().max(64).optional() })
  .strict();
export const Update = z
  .object({
    title: Title.optional(),
    icon: text(z.string().max(16)).nullable().optional(),
    linkReach: z.enum(LINK_REACHES).optional(),
    linkRole: z.enum(LINK_ROLES).optional(),
  })
  .strict();

export function registerDocumentRoutes(
  http: FastifyInstance,
  deps: {
    auth: Authenticator;
    access: DocumentAccess;
    store: DocumentStore;
    documents: DocumentService;
  },
) {
  /** POST /documents — a new root document (owned by its creator) or sub-page. */
  http.post(`${DOCS_API}/documents`, async (request, reply) => {
    const requester = await requesterOf(deps, request);
    const input = parseInput(Create, request.body);
    return reply.status(201).send(presentResolved(await deps.documents.create(requester, input)));
  });

  /** GET /documents — the documents shared with the user or their groups directly. */
  http.get(`${DOCS_API}/documents`, async (request) => {
    const requester = await requesterOf(deps, request);
    const rows = await deps.store.sharedWith(requester.userId, requester.groupIds);
    return { documents: rows.map(presentDocument) };
  });

  /** GET /documents/:id — one document with the requester's role and abilities. */
  http.get(`${DOCS_API}/documents/:id`, async (request) => {
    const requester = await requesterOf(deps, request, { visitorsWelcome: true });
    const { id } = parseInput(Params, request.params);
    return presentResolved(await deps.access.require(id, requester, "read"));
  });

  /** GET /documents/:id/children — its sub-pages. */
  http.get(`${DOCS_API}/documents/:id/children`, async (request) => {
    const requester = await requesterOf(deps, request, { visitorsWelcome: true });
    const { id } = parseInput(Params, request.params);
    return { documents: (await deps.documents.children(requester, id)).map(presentDocument) };
  });

  /** PATCH /documents/:id — title and icon (editors), link settings (administrators). */
  http.patch(`${DOCS_API}/documents/:id`, async (request) => {
    const requester = await requesterOf(deps, request);
    const { id } = parseInput(Params, request.params);
    const input = parseInput(Update, request.body);
    return presentResolved(await deps.documents.update(requester, id, input));
  });
}
