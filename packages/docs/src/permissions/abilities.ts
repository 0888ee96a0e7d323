import type { Abilities } from "../wire/abilities.js";
import { type LinkReach, type LinkRole, ROLES, type Role } from "../wire/enums.js";

/** Who asks: a signed-in account with its groups, or nobody (a public link's visitor). */
export interface Requester {
  userId: string;
  groupIds: string[];
}

export interface Grant {
  role: Role;
}

export interface LinkSetting {
  link_reach: LinkReach;
  link_role: LinkRole;
}

export function rank(role: Role | null): number {
  return role ? ROLES.indexOf(role) + 1 : 0;
}

export function highest(roles: Array<Role | null>): Role | null {
  let best: Role | null = null;
  for (const role of roles) if (rank(role) > rank(best)) best = role;
  return best;
}

/**
 * The role a requester has on a document: the highest of the roles granted to them or
 * their groups on it or any ancestor, and of the link roles whose reach includes them.
 */
export function effectiveRole(
  requester: Requester | null,
  grants: Grant[],
  links: LinkSetting[],
): Role | null {
  const viaLinks = links
    .filter((link) =>
      link.link_reach === "public" ? true : link.link_reach === "authenticated" && !!requester,
    )
    .map((link) => link.link_role);
  return highest([...(requester ? grants.map((grant) => grant.role) : []), ...viaLinks]);
}

/** What a role allows, as REST, the collaboration socket, search and exports all read it. */
export type { Abilities };

export function abilitiesOf(role: Role | null): Abilities {
  const at = (least: Role) => rank(role) >= rank(least);
  return {
    read: at("reader"),
    comment: at("commenter"),
    edit: at("editor"),
    createChild: at("editor"),
    share: at("administrator"),
    move: at("administrator"),
    trash: at("owner"),
    manageOwners: at("owner"),
  };
}
