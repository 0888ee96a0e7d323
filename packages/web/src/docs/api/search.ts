import { DOCS_API, type SearchResult, SearchResults } from "@tandem/docs/wire";
import { parseAs, request } from "../../api/client.js";

export type { SearchResult };

export async function searchDocuments(q: string): Promise<SearchResult[]> {
  const value = await request("GET", `${DOCS_API}/search?${new URLSearchParams({ q })}`);
  return parseAs(SearchResults, value, "search results").results;
}

/** A piece of a snippet; `at`, its offset in the snippet, is a stable key for rendering. */
export interface SnippetPart {
  text: string;
  marked: boolean;
  at: number;
}

const ENTITIES: Record<string, string> = {
  "&amp;": "&",
  "&lt;": "<",
  "&gt;": ">",
  "&quot;": '"',
  "&#39;": "'",
  "&#x27;": "'",
};

function decodeEntities(html: string): string {
  return html.replace(/&(?:amp|lt|gt|quot|#39|#x27);/g, (entity) => ENTITIES[entity] ?? entity);
}

/**
 * The snippet as plain-text parts, each marked or not. Rendering these as React text keeps
 * the page safe even if a server sent other tags: only <mark> is understood, never injected.
 */
export function snippetParts(snippet: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  const pattern = /<mark>(.*?)<\/mark>/gs;
  let last = 0;
  for (const match of snippet.matchAll(pattern)) {
    if (match.index > last)
      parts.push({ text: snippet.slice(last, match.index), marked: false, at: last });
    parts.push({ text: match[1] ?? "", marked: true, at: match.index });
    last = match.index + match[0].length;
  }
  if (last < snippet.length) parts.push({ text: snippet.slice(last), marked: false, at: last });
  return parts
    .map((part) => ({ ...part, text: decodeEntities(part.text.replace(/<[^>]*>/g, "")) }))
    .filter((part) => part.text !== "");
}
