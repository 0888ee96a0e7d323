import type { AccessService, AuditLog, Authenticator } from "@tandem/accounts";
import { type Database, InvalidRequest, parseInput, text, z } from "@tandem/kernel";
import type { FastifyInstance } from "fastify";
import { type OrganisationRow, OrganisationStore } from "../organisations/OrganisationStore.js";
import { revokeAccount } from "../storage/KyselyAdapter.js";
import { audited, requireAdmin } from "./adminOnly.js";

const NewOrganisation = z.object({
  name: text(z.string().trim().min(1).max(200)),
  /** Two-letter country code, e.g. FR or DE. */
  country: z.string().trim().length(2),
  /** Official identifier, e.g. a SIRET (checked for FR). */
  identifier: z.string().max(64).optional(),
  /** Its members must use a second factor. */
  requireMfa: z.boolean().default(false),
});

const Changes = z
  .object({
    name: text(z.string().trim().min(1).max(200)).optional(),
    requireMfa: z.boolean().optional(),
  })
  .strict();

const OrganisationParams = z.object({
  organisationId: z.string().min(1).max(100),
});

/** The wire shape of an organisation in the admin API. */
export function presentOrganisation(row: OrganisationRow) {
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
  http: FastifyInstance,
  deps: { auth: Authenticator; audit: AuditLog; access: AccessService; database: Database },
) {
  const organisations = new OrganisationStore(deps.database);

  /** GET /api/v1/admin/organisations — every organisation, oldest first. */
  http.get("/api/v1/admin/organisations", async (request) => {
    await requireAdmin(deps.auth, request);
    return { organisations: (await organisations.list()).map(presentOrganisation) };
  });

  /** POST /api/v1/admin/organisations — creates one (201); its identifier is checked. */
  http.post("/api/v1/admin/organisations", async (request, reply) => {
    const admin = await requireAdmin(deps.auth, request);
    const input = parseInput(NewOrganisation, request.body);
    const created = await audited(
      deps,
      request,
      admin,
      {
        action: "organisation_added",
        subject: input.identifier?.replace(/\s+/g, "") || input.name,
      },
      () => organisations.add(input),
    );
    return reply.status(201).send(presentOrganisation(created));
  });

  /**
   * PATCH /api/v1/admin/organisations/:organisationId — renames it or sets `requireMfa`.
   * Turning `requireMfa` on ends at once the members' sessions that passed no second factor,
   * with everything the apps were given through the provider (sessions, grants, tokens: a
   * token obtained without a second factor would outlive the rule), so each member signs in
   * again and enrols; the audit event counts the accounts concerned.
   */
  http.patch("/api/v1/admin/organisations/:organisationId", async (request) => {
    const admin = await requireAdmin(deps.auth, request);
    const { organisationId } = parseInput(OrganisationParams, request.params);
    const changes = parseInput(Changes, request.body);
    if (changes.name === undefined && changes.requireMfa === undefined)
      throw new InvalidRequest("body: change name or requireMfa");
    const details: Record<string, unknown> = { organisationId, ...changes };
    const updated = await audited(
      deps,
      request,
      admin,
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
  });
}
