import {
  type Change,
  Diff,
  Version,
  VersionContent as VersionAnswer,
  VersionList,
} from "@tandem/docs/wire";
import { parseAs, request } from "../../api/client.js";
import { docPath } from "./documents.js";

export type { Change, Version };

export interface VersionContent extends Version {
  text: string;
  /** The document's Yjs state at that version. */
  state: Uint8Array;
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
  return parseAs(VersionList, value, "version list").versions;
}

export async function nameVersion(documentId: string, name: string): Promise<Version> {
  return parseAs(Version, await request("POST", versionsPath(documentId), { name }), "version");
}

export async function fetchVersion(documentId: string, versionId: string): Promise<VersionContent> {
  const value = await request(
    "GET",
    `${versionsPath(documentId)}/${encodeURIComponent(versionId)}`,
  );
  const version = parseAs(VersionAnswer, value, "version");
  return { ...version, state: fromBase64(version.state) };
}

export async function restoreVersion(documentId: string, versionId: string): Promise<void> {
  await request("POST", `${versionsPath(documentId)}/${encodeURIComponent(versionId)}/restore`);
}

/** Lines added and removed from `from` to `to` ("current" when omitted). */
export async function fetchDiff(documentId: string, from: string, to?: string): Promise<Change[]> {
  const query = new URLSearchParams({ from, ...(to ? { to } : {}) });
  const value = await request("GET", `${versionsPath(documentId)}/diff?${query}`);
  return parseAs(Diff, value, "diff").changes;
}
