import type { GroupMember, GroupMembership, GroupRow } from "./GroupStore.js";
import type { ScimUserRow } from "./ScimStore.js";
import { ENTERPRISE_USER_SCHEMA, GROUP_SCHEMA, LIST_RESPONSE, USER_SCHEMA } from "./urns.js";

/** A SCIM resource as sent on the wire; `meta.location` needs the SCIM base URL. */
export type ScimResource = Record<string, unknown> & { id: string; schemas: string[] };

/** RFC 7643 §4.1: an account as a User with the enterprise extension. */
export function presentUser(
  row: ScimUserRow,
  groups: GroupMembership[],
  base: string,
): ScimResource {
  const given = row.given_name ?? "";
  const family = row.family_name ?? "";
  const organization = row.organisation_identifier ?? row.organisation_name;
  return {
    schemas: [USER_SCHEMA, ENTERPRISE_USER_SCHEMA],
    id: row.id,
    ...(row.external_id === null ? {} : { externalId: row.external_id }),
    userName: row.email,
    name: {
      ...(given ? { givenName: given } : {}),
      ...(family ? { familyName: family } : {}),
      formatted: `${given} ${family}`.trim() || row.name,
    },
    displayName: row.name,
    emails: [{ value: row.email, type: "work", primary: true }],
    active: row.disabled_at === null,
    groups: groups.map((group) => ({
      value: group.id,
      display: group.displayName,
      $ref: `${base}/Groups/${group.id}`,
    })),
    ...(organization ? { [ENTERPRISE_USER_SCHEMA]: { organization } } : {}),
    meta: {
      resourceType: "User",
      created: iso(row.created_at),
      lastModified: iso(row.updated_at ?? row.created_at),
      location: `${base}/Users/${row.id}`,
    },
  };
}

/** RFC 7643 §4.2; `members` undefined when the client excluded them. */
export function presentGroup(
  row: GroupRow,
  members: GroupMember[] | undefined,
  base: string,
): ScimResource {
  return {
    schemas: [GROUP_SCHEMA],
    id: row.id,
    ...(row.external_id === null ? {} : { externalId: row.external_id }),
    displayName: row.display_name,
    ...(members === undefined
      ? {}
      : {
          members: members.map((member) => ({
            ...member,
            type: "User",
            $ref: `${base}/Users/${member.value}`,
          })),
        }),
    meta: {
      resourceType: "Group",
      created: iso(row.created_at),
      lastModified: iso(row.updated_at),
      location: `${base}/Groups/${row.id}`,
    },
  };
}

/** RFC 7644 §3.4.2: one page of a query's results. */
export function listResponse(resources: unknown[], totalResults: number, startIndex: number) {
  return {
    schemas: [LIST_RESPONSE],
    totalResults,
    itemsPerPage: resources.length,
    startIndex,
    Resources: resources,
  };
}

/** The `attributes` and `excludedAttributes` parameters (RFC 7644 §3.9), by top-level attribute. */
export interface Projection {
  attributes?: Set<string>;
  excludedAttributes?: Set<string>;
}

// Returned whatever the client asks (RFC 7643 §2.4 "returned": "always").
const ALWAYS = new Set(["id", "schemas"]);

/**
 * Keeps or drops top-level attributes. `name.givenName` keeps all of `name`, and an
 * extension's attribute keeps the whole extension: Tandem's are small.
 */
export function project(resource: ScimResource, projection: Projection): ScimResource {
  const { attributes, excludedAttributes } = projection;
  if (!attributes && !excludedAttributes) return resource;
  const result: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(resource)) {
    const name = key.toLowerCase();
    const keep = ALWAYS.has(name)
      ? true
      : attributes
        ? attributes.has(name)
        : !excludedAttributes?.has(name);
    if (keep) result[key] = value;
  }
  return result as ScimResource;
}

/** `attributes=userName,name.givenName,urn:…:User:organization` as top-level names. */
export function parseAttributeList(
  value: string | undefined,
  urns: string[],
): Set<string> | undefined {
  if (value === undefined || value.trim() === "") return undefined;
  const known = urns.map((urn) => urn.toLowerCase());
  const core = [USER_SCHEMA.toLowerCase(), GROUP_SCHEMA.toLowerCase()];
  const names = new Set<string>();
  for (const raw of value.split(",")) {
    const path = raw.trim().toLowerCase();
    if (!path) continue;
    const urn = known.find((u) => path === u || path.startsWith(`${u}:`));
    if (urn && !core.includes(urn)) {
      names.add(urn);
      continue;
    }
    const local = urn ? path.slice(urn.length + 1) : path;
    names.add(local.split(".")[0] ?? local);
  }
  return names;
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}
