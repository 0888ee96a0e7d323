import type { LinkReach, LinkRole, Role } from "../wire/enums.js";

export interface DocsTables {
  docs_documents: {
    id: string;
    parent_id: string | null;
    /** Ids from the root down to this document, each followed by "/": a subtree is a prefix. */
    path: string;
    title: string;
    icon: string | null;
    creator_id: string;
    link_reach: LinkReach;
    link_role: LinkRole;
    is_template: number;
    created_at: number;
    updated_at: number;
    /** Set on a document put in the trash and on its descendants, with the same time. */
    deleted_at: number | null;
  };
  docs_accesses: {
    id: string;
    document_id: string;
    user_id: string | null;
    group_id: string | null;
    role: Role;
    created_at: number;
  };
  /** The durable log of Yjs updates, appended before an update is applied or relayed. */
  docs_updates: {
    id: string;
    document_id: string;
    data: Uint8Array;
    created_at: number;
  };
  /** The log's prefix merged into one update by compaction; `version` guards concurrent ones. */
  docs_snapshots: {
    document_id: string;
    state: Uint8Array;
    version: number;
    updated_at: number;
  };
  /** Snapshots of a document's content: automatic ones have no name. */
  docs_versions: {
    id: string;
    document_id: string;
    name: string | null;
    state: Uint8Array;
    created_by: string | null;
    created_at: number;
  };
  /** A role offered to an e-mail with no account yet: it applies at their first visit. */
  docs_invitations: {
    id: string;
    document_id: string;
    email: string;
    role: Role;
    invited_by: string;
    created_at: number;
  };
  /** "Ask for access": waits for an owner or administrator to accept or refuse. */
  docs_access_requests: {
    id: string;
    document_id: string;
    user_id: string;
    role: Role;
    created_at: number;
  };
  docs_favourites: {
    user_id: string;
    document_id: string;
    created_at: number;
  };
}
