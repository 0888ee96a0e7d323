import type { Database } from "@tandem/kernel";
import { type Kysely, type RawBuilder, sql } from "kysely";
import type { DocsTables } from "../storage/tables.js";

/** Marks around matched words in snippets; the API turns them into <mark> after escaping. */
export const HIT_START = "\u0002";
export const HIT_END = "\u0003";

/** Who searches: their own grants and their groups' decide what they find. */
export interface Searcher {
  userId: string;
  groupIds: string[];
}

export interface SearchHit {
  id: string;
  title: string;
  snippet: string;
  rank: number;
}

/**
 * The search index, one row per document: SQLite FTS5 or PostgreSQL full-text search.
 * Documents in the trash are left out by the query, not removed from the index.
 */
export class SearchStore {
  readonly #db: Kysely<DocsTables>;
  readonly #engine: Database["engine"];

  constructor(database: Database) {
    this.#db = database.db;
    this.#engine = database.engine;
  }

  async put(documentId: string, title: string, body: string): Promise<void> {
    await this.#db.transaction().execute(async (trx) => {
      await sql`DELETE FROM docs_search WHERE document_id = ${documentId}`.execute(trx);
      await sql`INSERT INTO docs_search (document_id, title, body)
        VALUES (${documentId}, ${title}, ${body})`.execute(trx);
    });
  }

  async remove(documentIds: string[]): Promise<void> {
    for (const id of documentIds) {
      await sql`DELETE FROM docs_search WHERE document_id = ${id}`.execute(this.#db);
    }
  }

  /**
   * The best matches among live documents shared with the searcher, best first. Sharing is
   * checked in the query itself — a grant on the document or on one of its ancestors (whose
   * id is in its path), to the searcher or one of their groups — so readable matches ranked
   * below any number of unreadable ones are still found.
   */
  async query(words: string[], limit: number, searcher: Searcher): Promise<SearchHit[]> {
    if (words.length === 0) return [];
    const shared = sharedWith(searcher);
    const rows =
      this.#engine === "postgres"
        ? await this.#postgres(words.join(" "), limit, shared)
        : await this.#sqlite(words.map((word) => `"${word}"*`).join(" "), limit, shared);
    return rows.map((row) => ({ ...row, rank: Number(row.rank) }));
  }

  async #sqlite(match: string, limit: number, shared: RawBuilder<unknown>) {
    const { rows } = await sql<SearchHit>`
      SELECT s.document_id AS id, d.title AS title,
        snippet(docs_search, 2, ${HIT_START}, ${HIT_END}, '…', 16) AS snippet,
        bm25(docs_search, 0, 5.0, 1.0) AS rank
      FROM docs_search s JOIN docs_documents d ON d.id = s.document_id
      WHERE docs_search MATCH ${match} AND d.deleted_at IS NULL AND ${shared}
      ORDER BY rank LIMIT ${limit}`.execute(this.#db);
    return rows;
  }

  async #postgres(text: string, limit: number, shared: RawBuilder<unknown>) {
    const query = sql`(websearch_to_tsquery('french', ${text}) ||
      websearch_to_tsquery('german', ${text}) || websearch_to_tsquery('simple', ${text}))`;
    const { rows } = await sql<SearchHit>`
      SELECT s.document_id AS id, d.title AS title,
        ts_headline('french', s.body, ${query},
          ${`StartSel=${HIT_START}, StopSel=${HIT_END}, MaxWords=24, MinWords=8, MaxFragments=1`}
        ) AS snippet,
        -ts_rank(s.tsv, ${query}) AS rank
      FROM docs_search s JOIN docs_documents d ON d.id = s.document_id
      WHERE s.tsv @@ ${query} AND d.deleted_at IS NULL AND ${shared}
      ORDER BY rank LIMIT ${limit}`.execute(this.#db);
    return rows;
  }
}

/** `d` (the candidate document) is shared with the searcher, directly or from above. */
function sharedWith({ userId, groupIds }: Searcher): RawBuilder<unknown> {
  const groups =
    groupIds.length > 0
      ? sql`OR a.group_id IN (${sql.join(groupIds.map((id) => sql`${id}`))})`
      : sql``;
  return sql`EXISTS (SELECT 1 FROM docs_accesses a
    WHERE (a.user_id = ${userId} ${groups})
      AND d.path LIKE '%' || a.document_id || '/%')`;
}
