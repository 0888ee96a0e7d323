import type { AccessService, AuditLog, Authenticator } from "@tandem/accounts";
import { type Database, InvalidRequest, type RestApi } from "@tandem/kernel";
import { type OrganisationRow, OrganisationStore } from "../../organisations/OrganisationStore.js";
import { revokeAccount } from "../../storage/KyselyAdapter.js";
import {
  NewOrganisation,
  Organisation,
  OrganisationChanges,
  OrganisationList,
  OrganisationParams,
} from "../../wire/index.js";
import { adminOf, audited } from "./adminOnly.js";

/** The wire shape of an organisation in the admin API. */
export function presentOrganisation(row: OrganisationRow): Organisation {
  return {
    id: row.id,
    name: row.name,
    country: row.country,
    identifier: row.identifier,
    requireMfa: row.require_mfa === 1,
    createdAt: row.created_at,
  };
}

export function registerAdminOrganisationRoutes(
  api: RestApi,
  deps: { auth: Authenticator; audit: AuditLog; access: AccessService; database: Database },
) {
  const organisations = new OrganisationStore(deps.database);

  const admin = adminOf(deps.auth);

  api.route({
    method: "GET",
    path: "/admin/organisations",
    summary: "Every organisation, oldest first",
    who: admin,
    responses: { 200: OrganisationList },
    handler: async () => ({
      organisations: (await organisations.list()).map(presentOrganisation),
    }),
  });

  api.route({
    method: "POST",
    path: "/admin/organisations",
    summary: "Create an organisation (its identifier is checked)",
    who: admin,
    body: NewOrganisation,
    responses: { 201: Organisation },
    handler: async ({ who, body: input, request }) => {
      const created = await audited(
        deps,
        request,
        who,
        {
          action: "organisation_added",
          subject: input.identifier?.replace(/\s+/g, "") || input.name,
        },
        () => organisations.add(input),
      );
      return presentOrganisation(created);
    },
  });

  /**
   * Turning `requireMfa` on ends at once the members' sessions that passed no second factor,
   * with everything the apps were given through the provider (sessions, grants, tokens: a
   * token obtained without a second factor would outlive the rule), so each member signs in
   * again and enrols; the audit event counts the accounts concerned.
   */
  api.route({
    method: "PATCH",
    path: "/admin/organisations/:organisationId",
    summary:
      "Rename an organisation or set `requireMfa` (members without a second factor are signed out)",
    who: admin,
    params: OrganisationParams,
    body: OrganisationChanges,
    responses: { 200: Organisation },
    handler: async ({ who, params: { organisationId }, body: changes, request }) => {
      if (changes.name === undefined && changes.requireMfa === undefined)
        throw new InvalidRequest("body: change name or requireMfa");
      const details: Record<string, unknown> = { organisationId, ...changes };
      const updated = await audited(
        deps,
        request,
        who,
        {
          action: "organisation_updated",
          // Named as when it was added (identifier, else name), so one filter finds both.
          subject: (row) => row.identifier ?? row.name,
          details,
        },
        async () => {
          const before = await organisations.find(organisationId);
          const row = await organisations.update(organisationId, changes);
          if (before.require_mfa !== 1 && row.require_mfa === 1) {
            const ended = await deps.access.endSessionsWithoutSecondFactor(
              await organisations.memberIds(organisationId),
            );
            for (const accountId of ended) await revokeAccount(deps.database, accountId);
            details.accountsSignedOut = ended.length;
          }
          return row;
        },
      );
      return presentOrganisation(updated);
    },
  });
}
