import { invalidResponse, isObject, request } from "../../api/client.js";

export const DOCS_API = "/api/docs/v1";

export const ROLES = ["reader", "commenter", "editor", "administrator", "owner"] as const;
export type Role = (typeof ROLES)[number];
export const LINK_REACHES = ["restricted", "authenticated", "public"] as const;
export type LinkReach = (typeof LINK_REACHES)[number];
export const LINK_ROLES = ["reader", "commenter", "editor"] as const;
export type LinkRole = (typeof LINK_ROLES)[number];

/** A document as lists return it: no role, since lists do not resolve permissions. */
export interface DocSummary {
  id: string;
  parentId: string | null;
  title: string;
  icon: string | null;
  linkReach: LinkReach;
  linkRole: LinkRole;
  isTemplate: boolean;
  updatedAt: number;
}

export interface Abilities {
  read: boolean;
  comment: boolean;
  edit: boolean;
  createChild: boolean;
  share: boolean;
  move: boolean;
  trash: boolean;
  manageOwners: boolean;
}

/** One document with what the signed-in person may do with it. */
export interface Doc extends DocSummary {
  role: Role | null;
  abilities: Abilities;
}

const ABILITY_KEYS = [
  "read",
  "comment",
  "edit",
  "createChild",
  "share",
  "move",
  "trash",
  "manageOwners",
] as const;

function oneOf<T extends string>(values: readonly T[], value: unknown): value is T {
  return typeof value === "string" && (values as readonly string[]).includes(value);
}

export function parseSummary(value: unknown): DocSummary {
  if (
    isObject(value) &&
    typeof value.id === "string" &&
    typeof value.title === "string" &&
    oneOf(LINK_REACHES, value.linkReach) &&
    oneOf(LINK_ROLES, value.linkRole)
  ) {
    return {
      id: value.id,
      parentId: typeof value.parentId === "string" ? value.parentId : null,
      title: value.title,
      icon: typeof value.icon === "string" ? value.icon : null,
      linkReach: value.linkReach,
      linkRole: value.linkRole,
      isTemplate: value.isTemplate === true,
      updatedAt: typeof value.updatedAt === "number" ? value.updatedAt : 0,
    };
  }
  return invalidResponse("document");
}

export function parseDoc(value: unknown): Doc {
  const summary = parseSummary(value);
  if (!isObject(value) || !isObject(value.abilities)) return invalidResponse("document");
  const given = value.abilities;
  const abilities = Object.fromEntries(
    ABILITY_KEYS.map((key) => [key, given[key] === true]),
  ) as unknown as Abilities;
  return { ...summary, role: oneOf(ROLES, value.role) ? value.role : null, abilities };
}

export function parseList(value: unknown): DocSummary[] {
  if (!isObject(value) || !Array.isArray(value.documents)) return invalidResponse("document list");
  return value.documents.map(parseSummary);
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
