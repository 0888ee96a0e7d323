import type { AccountService, NewUser, UserRow } from "@tandem/accounts";
import type { Database } from "@tandem/kernel";
import type { OrganisationRow } from "./OrganisationStore.js";
import { OrganisationStore } from "./OrganisationStore.js";
import { ProfileStore } from "./ProfileStore.js";

export interface NewAccount extends NewUser {
  givenName?: string;
  familyName?: string;
  /** Organisation id or official identifier; without one, the deployment's own. */
  organisation?: string;
}

/**
 * Creates an account with its identity profile: what the CLI's `user add` and the admin
 * API both call, so an account never exists without its organisation.
 */
export async function createAccount(
  deps: {
    database: Database;
    accounts: AccountService;
    /** The deployment's own organisation, made on first use. */
    defaultOrganisation: () => Promise<OrganisationRow>;
  },
  input: NewAccount,
): Promise<UserRow> {
  // Found before the account is made, so an unknown organisation leaves nothing behind.
  const organisation = input.organisation
    ? await new OrganisationStore(deps.database).find(input.organisation)
    : await deps.defaultOrganisation();
  const user = await deps.accounts.create(input);
  const [given = "", ...family] = user.name.split(/\s+/);
  try {
    await new ProfileStore(deps.database).set(user.id, {
      organisationId: organisation.id,
      givenName: input.givenName ?? given,
      familyName: input.familyName ?? family.join(" "),
    });
  } catch (error) {
    // No account without its profile: a refused name leaves nothing behind.
    await deps.accounts.users.delete(user.id);
    throw error;
  }
  return user;
}
