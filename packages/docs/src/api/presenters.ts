import type { AccessRow, DocumentRow } from "../documents/DocumentStore.js";
import type { ResolvedDocument } from "../permissions/DocumentAccess.js";

export function presentDocument(document: DocumentRow) {
  return {
    id: document.id,
    parentId: document.parent_id,
    title: document.title,
    icon: document.icon,
    linkReach: document.link_reach,
    linkRole: document.link_role,
    isTemplate: document.is_template === 1,
    createdAt: document.created_at,
    updatedAt: document.updated_at,
  };
}

export function presentResolved({ document, role, abilities }: ResolvedDocument) {
  return { ...presentDocument(document), role, abilities };
}

export function presentAccess(access: AccessRow & { email?: string | null; name?: string | null }) {
  return {
    id: access.id,
    userId: access.user_id,
    email: access.email ?? null,
    name: access.name ?? null,
    groupId: access.group_id,
    role: access.role,
    createdAt: access.created_at,
  };
}
