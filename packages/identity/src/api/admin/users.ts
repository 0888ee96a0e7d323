import type { AccountService, AuditLog, Authenticator, UserRow } from "@tandem/accounts";
import { type Database, InvalidRequest, NotFound, type RestApi } from "@tandem/kernel";
import { createAccount } from "../../organisations/accountCreator.js";
import { type OrganisationRow, OrganisationStore } from "../../organisations/OrganisationStore.js";
import { type DirectoryEntry, UserDirectory } from "../../organisations/UserDirectory.js";
import {
  AdminUser,
  AdminUserList,
  AdminUserParams,
  AdminUserQuery,
  NewAdminUser,
} from "../../wire/index.js";
import { adminOf, audited } from "./adminOnly.js";

/** The wire shape of an account in the admin API. */
export function presentAdminUser(entry: DirectoryEntry): AdminUser {
  return {
    id: entry.id,
    email: entry.email,
    name: entry.name,
    isAdmin: entry.role === "admin",
    disabled: entry.disabledAt !== null,
    disabledAt: entry.disabledAt,
    createdAt: entry.createdAt,
    organisation: entry.organisation,
  };
}

export function registerAdminUserRoutes(
  api: RestApi,
  deps: {
    auth: Authenticator;
    audit: AuditLog;
    database: Database;
    accounts: AccountService;
    disableUser(email: string): Promise<UserRow>;
    defaultOrganisation: OrganisationRow;
  },
) {
  const directory = new UserDirectory(deps.database);
  const organisations = new OrganisationStore(deps.database);
  const present = async (id: string) => {
    const entry = await directory.byId(id);
    if (!entry) throw new NotFound("No such user.");
    return presentAdminUser(entry);
  };

  const admin = adminOf(deps.auth);

  api.route({
    method: "GET",
    path: "/admin/users",
    summary: "Accounts by e-mail or name, with their organisation (`q`, `offset`, `limit`)",
    who: admin,
    query: AdminUserQuery,
    responses: { 200: AdminUserList },
    handler: async ({ query }) => {
      const found = await directory.search({ ...query, query: query.q });
      return { users: found.users.map(presentAdminUser), total: found.total };
    },
  });

  api.route({
    method: "POST",
    path: "/admin/users",
    summary: "Create an account with its profile",
    who: admin,
    body: NewAdminUser,
    responses: { 201: AdminUser },
    handler: async ({ who, body: input, request }) => {
      const created = await audited(
        deps,
        request,
        who,
        {
          action: "user_created",
          subject: input.email.toLowerCase(),
          details: { role: input.role },
        },
        async () => {
          // Named in the request body, so a wrong one is a bad request rather than a missing page.
          if (input.organisationId) await knownOrganisation(organisations, input.organisationId);
          return createAccount(
            {
              database: deps.database,
              accounts: deps.accounts,
              defaultOrganisation: async () => deps.defaultOrganisation,
            },
            {
              email: input.email,
              name: input.name,
              givenName: input.givenName,
              familyName: input.familyName,
              organisation: input.organisationId,
              admin: input.role === "admin",
              password: input.password,
            },
          );
        },
      );
      return present(created.id);
    },
  });

  api.route({
    method: "POST",
    path: "/admin/users/:userId/disable",
    summary:
      "Disable an account: it can no longer sign in; its sessions, tokens and grants end everywhere at once",
    who: admin,
    params: AdminUserParams,
    responses: { 200: AdminUser },
    handler: async ({ who, params, request }) => {
      const user = await deps.accounts.users.byId(params.userId);
      if (!user) throw new NotFound("No such user.");
      // The last way in for this administrator might be this very account.
      if (user.id === who.id) throw new InvalidRequest("You cannot disable your own account.");
      await audited(deps, request, who, { action: "user_disabled", subject: user.email }, () =>
        deps.disableUser(user.email),
      );
      return present(user.id);
    },
  });
}

async function knownOrganisation(organisations: OrganisationStore, id: string): Promise<void> {
  try {
    await organisations.find(id);
  } catch (error) {
    if (error instanceof NotFound)
      throw new InvalidRequest(`organisationId: no organisation ${id}`);
    throw error;
  }
}
