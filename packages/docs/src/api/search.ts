import type { Authenticator } from "@tandem/accounts";
import type { RestApi } from "@tandem/kernel";
import type { DocumentAccess } from "../permissions/DocumentAccess.js";
import type { SearchService } from "../search/SearchService.js";
import { SearchQuery, SearchResults } from "../wire/index.js";
import { member } from "./requester.js";

export function registerSearchRoutes(
  api: RestApi,
  deps: { auth: Authenticator; access: DocumentAccess; search: SearchService },
) {
  api.route({
    method: "GET",
    path: "/search",
    summary:
      "Documents shared with the requester whose title or content match, best first, with a " +
      "snippet whose matches are in <mark> (the rest of it HTML-escaped)",
    who: member(deps),
    query: SearchQuery,
    responses: { 200: SearchResults },
    handler: async ({ who, query }) => ({
      results: await deps.search.search(who, query.q, query.limit),
    }),
  });
}
