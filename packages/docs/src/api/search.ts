import type { Authenticator } from "@tandem/accounts";
import { parseInput, z } from "@tandem/kernel";
import type { FastifyInstance } from "fastify";
import type { DocumentAccess } from "../permissions/DocumentAccess.js";
import type { SearchService } from "../search/SearchService.js";
import { DOCS_API } from "./documents.js";
import { requesterOf } from "./requester.js";

export const SearchQuery = z.object({
  q: z.string().max(500),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});

export function registerSearchRoutes(
  http: FastifyInstance,
  deps: { auth: Authenticator; access: DocumentAccess; search: SearchService },
) {
  /**
   * GET /search?q=… — documents shared with the requester whose title or content match, best
   * first, with a snippet whose matches are in <mark> (the rest of it HTML-escaped).
   */
  http.get(`${DOCS_API}/search`, async (request) => {
    const requester = await requesterOf(deps, request);
    const { q, limit } = parseInput(SearchQuery, request.query);
    return { results: await deps.search.search(requester, q, limit) };
  });
}
