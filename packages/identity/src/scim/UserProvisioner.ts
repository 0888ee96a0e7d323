import type { AccountService, UserRow } from "@tandem/accounts";
import type { Database } from "@tandem/kernel";
import { type OrganisationRow, OrganisationStore } from "../organisations/OrganisationStore.js";
import { ProfileStore } from "../organisations/ProfileStore.js";
import { mutability, notFound, ScimError, uniqueness } from "./errors.js";
import { GroupStore } from "./GroupStore.js";
import { type ListQuery, parseListQuery, type QueryableType } from "./listQuery.js";
import { applyPatch, readPatch } from "./patch.js";
import {
  listResponse,
  type Projection,
  presentUser,
  project,
  type ScimResource,
} from "./presenters.js";
import { ScimStore, type ScimUserRow, USER_FILTERS, USER_SORTS } from "./ScimStore.js";
import { ENTERPRISE_USER_SCHEMA, GROUP_SCHEMA, USER_SCHEMA } from "./urns.js";
import type { UserInput } from "./userInput.js";
import { parseUserResource } from "./userInput.js";

/** What provisioning needs from the kernel and the identity module. */
export interface ProvisioningContext {
  database: Database;
  accounts: AccountService;
  /** The kernel's one deactivation path: sessions, tokens and provider grants end at once. */
  disableUser(email: string): Promise<UserRow>;
  /** The SCIM base URL, for `meta.location`. */
  baseUrl: string;
  defaultOrganisation: OrganisationRow;
}

export const USER_TYPE: QueryableType = {
  coreUrn: USER_SCHEMA,
  urns: [USER_SCHEMA, ENTERPRISE_USER_SCHEMA],
  filters: USER_FILTERS,
  sorts: USER_SORTS,
};

/** Every name a PATCH path may use, in its usual case; paths naming others are ignored. */
const USER_NAMES = [
  ...[USER_SCHEMA, GROUP_SCHEMA, ENTERPRISE_USER_SCHEMA],
  ...["id", "externalId", "userName", "name", "givenName", "familyName", "formatted"],
  ...["displayName", "emails", "value", "type", "primary", "display", "$ref", "active"],
  ...["groups", "meta", "created", "lastModified", "resourceType", "location", "organization"],
  // Named so that setting it is refused rather than ignored.
  "password",
];
// Attributes a client may never change (RFC 7643 §2.2 "mutability": "readOnly").
const READ_ONLY = ["id", "meta", "groups"] as const;

/**
 * The rules of provisioning accounts over SCIM. An account is never deleted: DELETE
 * disables it and marks it deprovisioned, so what other modules keep about it (documents,
 * messages) still points at a row; it disappears from SCIM, and a later POST with its
 * userName provisions the same account again.
 */
export class UserProvisioner {
  readonly users: ScimStore;
  readonly groups: GroupStore;
  readonly #context: ProvisioningContext;
  readonly #profiles: ProfileStore;
  readonly #organisations: OrganisationStore;

  constructor(context: ProvisioningContext) {
    this.#context = context;
    this.users = new ScimStore(context.database);
    this.groups = new GroupStore(context.database);
    this.#profiles = new ProfileStore(context.database);
    this.#organisations = new OrganisationStore(context.database);
  }

  async list(query: unknown) {
    const list: ListQuery = parseListQuery(query, USER_TYPE);
    const page = await this.users.page(list.page);
    const groups = await this.groups.groupsOfMany(page.rows.map((row) => row.id));
    const resources = page.rows.map((row) =>
      project(presentUser(row, groups.get(row.id) ?? [], this.#context.baseUrl), list.projection),
    );
    return listResponse(resources, page.total, list.startIndex);
  }

  async get(id: string, projection: Projection = {}): Promise<ScimResource> {
    return project(
      this.#present(await this.#require(id), await this.groups.groupsOf(id)),
      projection,
    );
  }

  /** POST: a new account, or a deprovisioned one with this userName provisioned again. */
  async create(body: unknown): Promise<string> {
    const input = parseUserResource(body);
    const existing = await this.users.accountByEmail(input.email);
    if (existing && !existing.deprovisioned) {
      throw uniqueness(`a user with userName ${input.email} exists`);
    }
    if (existing) {
      await this.#apply(existing.id, input, { reviving: true });
      return existing.id;
    }
    const organisationId = await this.#organisationFor(input.organisation, undefined);
    const user = await this.#context.accounts.create({
      email: input.email,
      name: input.displayName,
    });
    try {
      await this.#profiles.set(user.id, {
        organisationId,
        givenName: input.givenName,
        familyName: input.familyName,
      });
      await this.users.record(user.id, { externalId: input.externalId, deprovisionedAt: null });
    } catch (error) {
      // No account half-made: a refused profile leaves nothing behind.
      await this.#context.accounts.users.delete(user.id);
      throw error;
    }
    if (input.active === false) await this.#deactivate(user.id, user.email);
    return user.id;
  }

  /** PUT: every attribute replaced; `active` and the organisation stay as they are when left out. */
  async replace(id: string, body: unknown, actorId: string): Promise<void> {
    await this.#apply(id, parseUserResource(body), { actorId });
  }

  /** PATCH: the operations applied to the resource as it is, then stored as a PUT would. */
  async patch(id: string, body: unknown, actorId: string): Promise<void> {
    const operations = readPatch(body, USER_NAMES);
    const row = await this.#require(id);
    const before = this.#present(row, await this.groups.groupsOf(id));
    const after = applyPatch(before, operations);
    for (const attribute of READ_ONLY) {
      if (JSON.stringify(before[attribute]) !== JSON.stringify(after[attribute])) {
        throw mutability(`${attribute} is read-only`);
      }
    }
    await this.#apply(id, parseUserResource(after), { actorId });
  }

  /** DELETE: deactivated at once, hidden from SCIM, out of every group; the row stays. */
  async deprovision(id: string, actorId: string): Promise<void> {
    const row = await this.#require(id);
    if (id === actorId) throw ownAccount();
    if (row.disabled_at === null) await this.#deactivate(id, row.email);
    await this.users.record(id, { externalId: row.external_id, deprovisionedAt: Date.now() });
    await this.groups.removeFromAll(id);
  }

  async #apply(
    id: string,
    input: UserInput,
    options: { reviving?: boolean; actorId?: string },
  ): Promise<void> {
    const reviving = options.reviving ?? false;
    const current = await this.users.byId(id, { deprovisioned: reviving });
    if (!current) throw notFound(`no user ${id}`);
    // Provisioned again, an account starts active unless told otherwise, as a new one does.
    const active = input.active ?? (reviving || current.disabled_at === null);
    if (!active && id === options.actorId) throw ownAccount();
    if (input.email !== current.email && (await this.users.accountByEmail(input.email))) {
      throw uniqueness(`a user with userName ${input.email} exists`);
    }
    if (input.email !== current.email || input.displayName !== current.name) {
      try {
        await this.users.updateAccount(id, { email: input.email, name: input.displayName });
      } catch (error) {
        // Two requests racing for one userName: the unique index decides.
        const holder = await this.users.accountByEmail(input.email);
        if (holder && holder.id !== id) {
          throw uniqueness(`a user with userName ${input.email} exists`);
        }
        throw error;
      }
    }
    const organisationId = await this.#organisationFor(input.organisation, current.organisation_id);
    await this.#profiles.set(id, {
      organisationId,
      givenName: input.givenName,
      familyName: input.familyName,
      // A federated account keeps its home federation while it stays in its organisation.
      homeFederation:
        organisationId === current.organisation_id
          ? (current.home_federation ?? undefined)
          : undefined,
    });
    await this.users.record(id, { externalId: input.externalId, deprovisionedAt: null });
    if (!active && current.disabled_at === null) await this.#deactivate(id, input.email);
    if (active && current.disabled_at !== null) await this.#reactivate(id, current.disabled_at);
  }

  /**
   * Ends everything the account holds at once, through the kernel's deactivation (which
   * also revokes its personal access tokens, so they stay dead if it comes back).
   */
  async #deactivate(_id: string, email: string): Promise<void> {
    await this.#context.disableUser(email);
  }

  /** Tokens from before the deactivation are revoked first, whoever deactivated the account. */
  async #reactivate(id: string, disabledAt: number): Promise<void> {
    await this.users.revokeTokens(id, disabledAt);
    await this.users.enable(id);
  }

  /**
   * The organisation `organization` names, by official identifier, id or name; the
   * account's current one when not given; the deployment's own when it names none known.
   */
  async #organisationFor(reference: string | undefined, current: string | null | undefined) {
    if (reference === undefined) return current ?? this.#context.defaultOrganisation.id;
    const identifier = reference.replace(/\s+/g, "");
    const byIdentifier = await this.#organisations.byIdentifier(identifier);
    if (byIdentifier) return byIdentifier.id;
    const all = await this.#organisations.list();
    const named = (o: OrganisationRow) =>
      o.id === reference || o.name.toLowerCase() === reference.toLowerCase();
    return all.find(named)?.id ?? this.#context.defaultOrganisation.id;
  }

  async #require(id: string): Promise<ScimUserRow> {
    const row = await this.users.byId(id);
    if (!row) throw notFound(`no user ${id}`);
    return row;
  }

  #present(row: ScimUserRow, groups: Awaited<ReturnType<GroupStore["groupsOf"]>>) {
    return presentUser(row, groups, this.#context.baseUrl);
  }
}

function ownAccount() {
  return new ScimError(
    403,
    undefined,
    "the account whose token makes this request cannot deactivate or delete itself",
  );
}
