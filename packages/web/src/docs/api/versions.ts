import { invalidResponse, isObject, request } from "../../api/client.js";
import { docPath } from "./documents.js";

export interface Version {
  id: string;
  /** Null for the automatic versions the server takes while people edit. */
  name: string | null;
  createdAt: number;
}

export interface VersionContent extends Version {
  text: string;
  /** The document's Yjs state at that version. */
  state: Uint8Array;
}

export interface Change {
  change: "added" | "removed" | "same";
  text: string;
}

function parseVersion(value: unknown): Version {
  if (isObject(value) && typeof value.id === "string" && typeof value.createdAt === "number") {
    return {
      id: value.id,
      name: typeof value.name === "string" ? value.name : null,
      createdAt: value.createdAt,
    };
  }
  return invalidResponse("version");
}

function fromBase64(base64: string): Uint8Array {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

const versionsPath = (documentId: string) => `${docPath(documentId)}/versions`;

export async function fetchVersions(documentId: string): Promise<Version[]> {
  const value = await request("GET", versionsPath(documentId));
  if (!isObject(value) || !Array.isArray(value.versions)) return invalidResponse("version list");
  return value.versions.map(parseVersion);
}

export async function nameVersion(documentId: string, name: string): Promise<Version> {
  return parseVersion(await request("POST", versionsPath(documentId), { name }));
}

export async function fetchVersion(documentId: string, versionId: string): Promise<VersionContent> {
  const value = await request(
    "GET",
    `${versionsPath(documentId)}/${encodeURIComponent(versionId)}`,
  );
  const version = parseVersion(value);
  if (isObject(value) && typeof value.text === "string" && typeof value.state === "string") {
    return { ...version, text: value.text, state: fromBase64(value.state) };
  }
  return invalidResponse("version");
}

export async function restoreVersion(documentId: string, versionId: string): Promise<void> {
  await request("POST", `${versionsPath(documentId)}/${encodeURIComponent(versionId)}/restore`);
}

/** Lines added and removed from `from` to `to` ("current" when omitted). */
export async function fetchDiff(documentId: string, from: string, to?: string): Promise<Change[]> {
  const query = new URLSearchParams({ from, ...(to ? { to } : {}) });
  const value = await request("GET", `${versionsPath(documentId)}/diff?${query}`);
  if (!isObject(value) || !Array.isArray(value.changes)) return invalidResponse("diff");
  return value.changes.map((entry: unknown) => {
    if (
      isObject(entry) &&
      (entry.change === "added" || entry.change === "removed" || entry.change === "same") &&
      typeof entry.text === "string"
    ) {
      return { change: entry.change, text: entry.text };
    }
    return invalidResponse("diff");
  });
}
