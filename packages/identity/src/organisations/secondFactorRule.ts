import type { KernelTables } from "@tandem/accounts";
import type { Database } from "@tandem/kernel";
import type { Kysely } from "kysely";
import type { IdentityTables } from "../storage/tables.js";

/**
 * Whether the account's organisation requires a second factor of its members: the identity
 * module's answer to the kernel's `requiresSecondFactor` (an account without a profile
 * belongs to no organisation yet, so to none that requires one).
 */
export async function organisationRequiresMfa(
  database: Database,
  userId: string,
): Promise<boolean> {
  const db = database.db as Kysely<IdentityTables & KernelTables>;
  const row = await db
    .selectFrom("account_profiles as p")
    .innerJoin("organisations as o", "o.id", "p.organisation_id")
    .select("o.require_mfa")
    .where("p.user_id", "=", userId)
    .executeTakeFirst();
  return Number(row?.require_mfa ?? 0) === 1;
}

/**
 * Whether an upstream provider's answer states a second factor: `mfa` among the amr values,
 * or an eIDAS level of substantial or higher (ProConnect's `eidas2`, `eidas3`, or a `-mfa`
 * variant). Anything less cannot sign in a member of an organisation that requires one.
 */
export function upstreamUsedMfa(acr: string | undefined, amr: readonly string[]): boolean {
  if (amr.includes("mfa")) return true;
  if (!acr) return false;
  return /^eidas[23]\b/.test(acr) || acr.endsWith("-mfa");
}
