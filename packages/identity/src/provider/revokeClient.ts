import type { Database } from "@tandem/kernel";
import { type Kysely, sql } from "kysely";
import type { IdentityTables } from "../storage/tables.js";

/**
 * Ends everything the provider issued to a client: grants, codes, access and refresh
 * tokens. oidc_payloads has no client column (the adapter is oidc-provider's shape), so
 * rows naming the client are found by text, then confirmed by their parsed `clientId`;
 * a removed client is rare enough for that scan. Browser sessions stay: other apps use
 * them, and oidc-provider skips a session's authorisations for clients it cannot find.
 */
export async function revokeClient(database: Database, clientId: string): Promise<number> {
  const db: Kysely<IdentityTables> = database.db;
  const needle = `%${escapeLike(JSON.stringify(clientId))}%`;
  const rows = await db
    .selectFrom("oidc_payloads")
    .select(["model", "id", "payload", "grant_id"])
    .where(sql<boolean>`payload like ${needle} escape '\\'`)
    .execute();
  const issued = rows.filter((row) => {
    const payload = JSON.parse(row.payload) as { clientId?: unknown };
    return payload.clientId === clientId;
  });
  const grants = new Set<string>();
  for (const row of issued) {
    if (row.grant_id) grants.add(row.grant_id);
    if (row.model === "Grant") grants.add(row.id);
  }
  await db.transaction().execute(async (trx) => {
    for (const row of issued) {
      await trx
        .deleteFrom("oidc_payloads")
        .where("model", "=", row.model)
        .where("id", "=", row.id)
        .execute();
    }
    if (grants.size > 0)
      await trx
        .deleteFrom("oidc_payloads")
        .where("grant_id", "in", [...grants])
        .execute();
  });
  return issued.length;
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
