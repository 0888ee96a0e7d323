import { type Database, z } from "@tandem/kernel";
import { invalidSyntax, invalidValue, mutability, notFound } from "./errors.js";
import { GROUP_FILTERS, GROUP_SORTS, type GroupRow, GroupStore } from "./GroupStore.js";
import { parseListQuery, type QueryableType } from "./listQuery.js";
import { applyPatch, type PatchOperation, readPatch } from "./patch.js";
import {
  listResponse,
  type Projection,
  presentGroup,
  project,
  type ScimResource,
} from "./presenters.js";
import { GROUP_SCHEMA } from "./urns.js";
import { canonicalKeys, isObject } from "./userInput.js";

export const GROUP_TYPE: QueryableType = {
  coreUrn: GROUP_SCHEMA,
  urns: [GROUP_SCHEMA],
  filters: GROUP_FILTERS,
  sorts: GROUP_SORTS,
};

/** Every name a PATCH path may use, in its usual case; paths naming others are ignored. */
const GROUP_NAMES = [
  ...[GROUP_SCHEMA, "id", "externalId", "displayName", "members", "value", "display", "type"],
  ...["$ref", "meta", "created", "lastModified", "resourceType", "location"],
];
// A group's whole membership travels in one body; bounded like the body itself.
const MAX_MEMBERS = 10_000;

const GroupResource = z.looseObject({
  /** Must name the core Group schema when given. */
  schemas: z.array(z.string()).optional(),
  /** The group's name, as apps show it when sharing. */
  displayName: z.string().trim().min(1).max(200),
  /** The provisioning system's own id for the group. */
  externalId: z.string().max(1000).nullish(),
  /** Members by account id (`value`); Tandem's groups hold accounts, not other groups. */
  members: z
    .array(
      z.looseObject({
        value: z.string().min(1).max(200),
        type: z
          .string()
          .regex(/^user$/i, { message: "Tandem's groups hold users only" })
          .optional(),
      }),
    )
    .max(MAX_MEMBERS)
    .nullish(),
});

interface GroupInput {
  displayName: string;
  externalId: string | null;
  /** Account ids, each once. */
  members: string[];
}

/** The rules of groups provisioned over SCIM: members must be accounts SCIM can see. */
export class GroupProvisioner {
  readonly groups: GroupStore;
  readonly #baseUrl: string;

  constructor(database: Database, baseUrl: string) {
    this.groups = new GroupStore(database);
    this.#baseUrl = baseUrl;
  }

  async list(query: unknown) {
    const list = parseListQuery(query, GROUP_TYPE);
    const page = await this.groups.page(list.page);
    const members = excludesMembers(list.projection)
      ? undefined
      : await this.groups.membersOf(page.rows.map((row) => row.id));
    const resources = page.rows.map((row) => {
      const rowMembers = members === undefined ? undefined : (members.get(row.id) ?? []);
      return project(presentGroup(row, rowMembers, this.#baseUrl), list.projection);
    });
    return listResponse(resources, page.total, list.startIndex);
  }

  async get(id: string, projection: Projection = {}): Promise<ScimResource> {
    const row = await this.#require(id);
    const members = excludesMembers(projection)
      ? undefined
      : ((await this.groups.membersOf([id])).get(id) ?? []);
    return project(presentGroup(row, members, this.#baseUrl), projection);
  }

  async create(body: unknown): Promise<string> {
    const input = await this.#parse(body);
    const group = await this.groups.create(input);
    await this.groups.addMembers(group.id, input.members);
    return group.id;
  }

  /** PUT: name, externalId and the whole membership replaced; left-out members leave. */
  async replace(id: string, body: unknown): Promise<void> {
    await this.#require(id);
    await this.#store(id, await this.#parse(body));
  }

  /** PATCH: the operations applied to the group as it is, members compared by `value`. */
  async patch(id: string, body: unknown): Promise<void> {
    const operations = readPatch(body, GROUP_NAMES).map(membersByValue);
    const row = await this.#require(id);
    const members = ((await this.groups.membersOf([id])).get(id) ?? []).map((m) => m.value);
    const before = presentGroup(row, [], this.#baseUrl);
    before.members = members.map((value) => ({ value }));
    const after = applyPatch(before, operations);
    for (const attribute of ["id", "meta"]) {
      if (JSON.stringify(before[attribute]) !== JSON.stringify(after[attribute])) {
        throw mutability(`${attribute} is read-only`);
      }
    }
    await this.#store(id, await this.#parse(after), new Set(members));
  }

  async delete(id: string): Promise<void> {
    await this.#require(id);
    await this.groups.delete(id);
  }

  async #store(id: string, input: GroupInput, members?: Set<string>): Promise<void> {
    const current =
      members ?? new Set(((await this.groups.membersOf([id])).get(id) ?? []).map((m) => m.value));
    const wanted = new Set(input.members);
    await this.groups.update(id, input);
    await this.groups.addMembers(
      id,
      input.members.filter((member) => !current.has(member)),
    );
    await this.groups.removeMembers(
      id,
      [...current].filter((member) => !wanted.has(member)),
    );
  }

  async #parse(body: unknown): Promise<GroupInput> {
    if (!isObject(body)) throw invalidSyntax("the body must be a JSON object");
    const resource = canonicalKeys(body, GROUP_NAMES);
    if (Array.isArray(resource.members)) {
      resource.members = resource.members.map((m) =>
        isObject(m) ? canonicalKeys(m, ["value", "type"]) : m,
      );
    }
    const schemas = resource.schemas;
    if (
      Array.isArray(schemas) &&
      !schemas.some((s) => String(s).toLowerCase() === GROUP_SCHEMA.toLowerCase())
    ) {
      throw invalidSyntax(`"schemas" must include ${GROUP_SCHEMA}`);
    }
    const parsed = GroupResource.safeParse(resource);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw invalidValue(`${issue?.path.join(".") || "body"}: ${issue?.message ?? "invalid"}`);
    }
    const members = [...new Set((parsed.data.members ?? []).map((member) => member.value))];
    const known = await this.groups.memberCandidates(members);
    const unknown = members.filter((member) => !known.has(member));
    if (unknown.length > 0) throw invalidValue(`no user ${unknown.slice(0, 5).join(", ")}`);
    return {
      displayName: parsed.data.displayName,
      externalId: parsed.data.externalId?.trim() || null,
      members,
    };
  }

  async #require(id: string): Promise<GroupRow> {
    const row = await this.groups.byId(id);
    if (!row) throw notFound(`no group ${id}`);
    return row;
  }
}

/**
 * Members are compared by `value` alone: a client removing `{"value": id, "display": …}`
 * means that account, whatever display name it remembers.
 */
function membersByValue(operation: PatchOperation): PatchOperation {
  if (operation.path !== "members" || operation.value === undefined) return operation;
  const strip = (member: unknown) => {
    if (!isObject(member)) return member;
    const { value, type } = canonicalKeys(member, ["value", "type"]);
    if (type !== undefined && (typeof type !== "string" || type.toLowerCase() !== "user")) {
      throw invalidValue("Tandem's groups hold users only");
    }
    return { value };
  };
  const { value } = operation;
  return { ...operation, value: Array.isArray(value) ? value.map(strip) : strip(value) };
}

function excludesMembers(projection: Projection): boolean {
  if (projection.attributes) return !projection.attributes.has("members");
  return projection.excludedAttributes?.has("members") ?? false;
}
