import {
  DOCS_API,
  DocumentList,
  type DocumentSummary,
  type LinkReach,
  type LinkRole,
  ResolvedDocument,
} from "@tandem/docs/wire";
import { parseAs, request } from "../../api/client.js";

export {
  type Abilities,
  DOCS_API,
  LINK_REACHES,
  LINK_ROLES,
  type LinkReach,
  type LinkRole,
  ROLES,
  type Role,
} from "@tandem/docs/wire";

/** A document as lists return it: no role, since lists do not resolve permissions. */
export type DocSummary = DocumentSummary;
/** One document with what the signed-in person may do with it. */
export type Doc = ResolvedDocument;

export function parseDoc(value: unknown): Doc {
  return parseAs(ResolvedDocument, value, "document");
}

export function parseList(value: unknown): DocSummary[] {
  return parseAs(DocumentList, value, "document list").documents;
}

export const docPath = (id: string) => `${DOCS_API}/documents/${encodeURIComponent(id)}`;

export async function createDocument(input: { title?: string; parentId?: string }): Promise<Doc> {
  return parseDoc(await request("POST", `${DOCS_API}/documents`, input));
}

export async function fetchDocument(id: string): Promise<Doc> {
  return parseDoc(await request("GET", docPath(id)));
}

export async function updateDocument(
  id: string,
  input: { title?: string; linkReach?: LinkReach; linkRole?: LinkRole },
): Promise<Doc> {
  return parseDoc(await request("PATCH", docPath(id), input));
}

export type ListKind = "shared" | "favourites" | "templates" | "trash";

const listPaths: Record<ListKind, string> = {
  shared: `${DOCS_API}/documents`,
  favourites: `${DOCS_API}/favourites`,
  templates: `${DOCS_API}/templates`,
  trash: `${DOCS_API}/trash`,
};

export async function fetchList(kind: ListKind): Promise<DocSummary[]> {
  return parseList(await request("GET", listPaths[kind]));
}

export async function fetchChildren(id: string): Promise<DocSummary[]> {
  return parseList(await request("GET", `${docPath(id)}/children`));
}

export async function moveDocument(id: string, parentId: string | null): Promise<Doc> {
  return parseDoc(await request("POST", `${docPath(id)}/move`, { parentId }));
}

export async function duplicateDocument(id: string): Promise<Doc> {
  return parseDoc(await request("POST", `${docPath(id)}/duplicate`));
}

export async function trashDocument(id: string): Promise<void> {
  await request("DELETE", docPath(id));
}

export async function restoreDocument(id: string): Promise<Doc> {
  return parseDoc(await request("POST", `${docPath(id)}/restore`));
}

export async function setFavourite(id: string, favourite: boolean): Promise<void> {
  await request(favourite ? "PUT" : "DELETE", `${docPath(id)}/favourite`);
}

export async function setTemplate(id: string, isTemplate: boolean): Promise<Doc> {
  return parseDoc(await request("PUT", `${docPath(id)}/template`, { isTemplate }));
}

export async function createFromTemplate(templateId: string): Promise<Doc> {
  return parseDoc(await request("POST", `${DOCS_API}/from-template`, { templateId }));
}
