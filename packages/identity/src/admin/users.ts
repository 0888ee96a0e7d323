import type { AccountService, AuditLog, Authenticator, UserRow } from "@tandem/accounts";
import { type Database, InvalidRequest, NotFound, parseInput, text, z } from "@tandem/kernel";
import type { FastifyInstance } from "fastify";
import { createAccount } from "../organisations/accountCreator.js";
import { type OrganisationRow, OrganisationStore } from "../organisations/OrganisationStore.js";
import { audited, requireAdmin } from "./adminOnly.js";
import { type DirectoryEntry, UserDirectory } from "./UserDirectory.js";

const ListQuery = z.object({
  /** Part of an e-mail or a name. */
  q: z.string().max(200).optional(),
  /** How many to skip, for the next page. */
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

const NewUser = z.object({
  /** The sign-in name; checked by the account rules. */
  email: z.string().trim().min(1).max(320),
  /** Display name. */
  name: text(z.string().trim().min(1).max(200)),
  /** Default: the first word of the name, then the rest. */
  givenName: z.string().max(200).optional(),
  familyName: z.string().max(200).optional(),
  /** Organisation id; default: the deployment's own. */
  organisationId: z.string().min(1).max(100).optional(),
  role: z.enum(["member", "admin"]).default("member"),
  /** An initial password; without one the account signs in only through an upstream provider. */
  password: z.string().max(1024).optional(),
});

const UserParams = z.object({
  /** The account's id, as the list gives it. */
  userId: z.string().min(1).max(100),
});

/** The wire shape of an account in the admin API. */
export function presentAdminUser(entry: DirectoryEntry) {
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
  http: FastifyInstance,
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

  /** GET /api/v1/admin/users?q=&offset=&limit= — accounts by e-mail, with their organisation. */
  http.get("/api/v1/admin/users", async (request) => {
    await requireAdmin(deps.auth, request);
    const query = parseInput(ListQuery, request.query);
    const found = await directory.search({ ...query, query: query.q });
    return { users: found.users.map(presentAdminUser), total: found.total };
  });

  /** POST /api/v1/admin/users — creates an account with its profile (201). */
  http.post("/api/v1/admin/users", async (request, reply) => {
    const admin = await requireAdmin(deps.auth, request);
    const input = parseInput(NewUser, request.body);
    const created = await audited(
      deps,
      request,
      admin,
      { action: "user_created", subject: input.email.toLowerCase(), details: { role: input.role } },
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
    return reply.status(201).send(await present(created.id));
  });

  /**
   * POST /api/v1/admin/users/:userId/disable — the account can no longer sign in; its
   * sessions, tokens and grants end everywhere at once.
   */
  http.post("/api/v1/admin/users/:userId/disable", async (request) => {
    const admin = await requireAdmin(deps.auth, request);
    const { userId } = parseInput(UserParams, request.params);
    const user = await deps.accounts.users.byId(userId);
    if (!user) throw new NotFound("No such user.");
    // The last way in for this administrator might be this very account.
    if (user.id === admin.id) throw new InvalidRequest("You cannot disable your own account.");
    await audited(deps, request, admin, { action: "user_disabled", subject: user.email }, () =>
      deps.disableUser(user.email),
    );
    return present(user.id);
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
