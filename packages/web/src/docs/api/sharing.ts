import { type Access, AccessList, type Role } from "@tandem/docs/wire";
import { parseAs, request } from "../../api/client.js";
import { docPath } from "./documents.js";

export type { Access };

export async function fetchAccesses(documentId: string): Promise<Access[]> {
  const value = await request("GET", `${docPath(documentId)}/accesses`);
  return parseAs(AccessList, value, "access list").accesses;
}

export async function grantAccess(documentId: string, email: string, role: Role): Promise<void> {
  await request("POST", `${docPath(documentId)}/accesses`, { email, role });
}

export async function revokeAccess(documentId: string, accessId: string): Promise<void> {
  await request("DELETE", `${docPath(documentId)}/accesses/${encodeURIComponent(accessId)}`);
}
