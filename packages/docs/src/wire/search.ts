import { z } from "zod";

/** GET /search?q=…&limit=… */
export const SearchQuery = z.object({
  q: z.string().max(500),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});

export const SearchResult = z.object({
  id: z.string(),
  title: z.string(),
  /** HTML-escaped text whose matches are wrapped in <mark>. */
  snippet: z.string(),
});
export type SearchResult = z.infer<typeof SearchResult>;
/** Best match first. */
export const SearchResults = z.object({ results: z.array(SearchResult) });
