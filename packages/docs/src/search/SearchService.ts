import { InvalidRequest } from "@tandem/kernel";
import { escapeXml } from "../content/escapeXml.js";
import { plainTextOf } from "../content/yjsContent.js";
import type { DocumentStore } from "../documents/DocumentStore.js";
import type { Requester } from "../permissions/abilities.js";
import type { DocumentAccess } from "../permissions/DocumentAccess.js";
import type { UpdateLog } from "../storage/UpdateLog.js";
import { HIT_END, HIT_START, type SearchStore } from "./SearchStore.js";

/**
 * Search over titles and content, only over documents shared with the requester (or their
 * groups, or above them in the tree): a link grants reading, not finding.
 */
export class SearchService {
  readonly #index: SearchStore;
  readonly #documents: DocumentStore;
  readonly #access: DocumentAccess;
  readonly #log: UpdateLog;

  constructor(deps: {
    index: SearchStore;
    documents: DocumentStore;
    access: DocumentAccess;
    log: UpdateLog;
  }) {
    this.#index = deps.index;
    this.#documents = deps.documents;
    this.#access = deps.access;
    this.#log = deps.log;
  }

  /** (Re)indexes a document's title and content as they are now. */
  async reindex(documentId: string): Promise<void> {
    const document = await this.#documents.byId(documentId);
    if (!document) return;
    const body = plainTextOf(await this.#log.stateOf(documentId));
    await this.#index.put(documentId, document.title, body);
  }

  async search(requester: Requester, query: string, limit: number) {
    const words = query.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
    if (words.length === 0) throw new InvalidRequest("q: give at least one word to search for");
    const hits = await this.#index.query(words.slice(0, 12), limit, requester);
    const results = [];
    for (const hit of hits) {
      if (results.length >= limit) break;
      // The query already kept shared documents only; the one rule for roles has the last word.
      const document = await this.#documents.byId(hit.id);
      if (!document || !(await this.#access.grantedRoleOn(document, requester))) continue;
      results.push({ id: hit.id, title: hit.title, snippet: highlight(hit.snippet) });
    }
    return results;
  }
}

/** Escapes the snippet's text, then turns the index's hit markers into <mark> elements. */
function highlight(snippet: string): string {
  return escapeXml(snippet).replaceAll(HIT_START, "<mark>").replaceAll(HIT_END, "</mark>");
}
