import { invalidResponse, isObject, request } from "../../api/client.js";
import { docPath, ROLES, type Role } from "./documents.js";

/** Someone's role on a document: an account or a group. */
export interface Access {
  id: string;
  userId: string | null;
  groupId: string | null;
  /** Shown when the server names the account; older servers send the id only. */
  email: string | null;
  name: string | null;
  role: Role;
}

const text = (value: unknown) => (typeof value === "string" ? value : null);

function parseAccess(value: unknown): Access {
  if (isObject(value) && typeof value.id === "string" && ROLES.some((r) => r === value.role)) {
    return {
      id: value.id,
      userId: text(value.userId),
      groupId: text(value.groupId),
      email: text(value.email),
      name: text(value.name),
      role: value.role as Role,
    };
  }
  return invalidResponse("access");
}

export async function fetchAccesses(documentId: string): Promise<Access[]> {
  const value = await request("GET", `${docPath(documentId)}/accesses`);
  if (!isObject(value) || !Array.isArray(value.accesses)) return invalidResponse("access list");
  return value.accesses.map(parseAccess);
}

export async function grantAccess(documentId: string, email: string, role: Role): Promise<void> {
  await request("POST", `${docPath(documentId)}/accesses`, { email, role });
}

export async function revokeAccess(documentId: string, accessId: string): Promise<void> {
  await request("DELETE", `${docPath(documentId)}/accesses/${encodeURIComponent(accessId)}`);
}
