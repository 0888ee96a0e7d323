/** The audit actions docs records: invitations, ownership passed on, documents recovered. */
export const DOCS_AUDIT_ACTIONS = [
  "document_invited",
  "document_ownership_transferred",
  "document_recovered",
] as const;

export type DocsAuditAction = (typeof DOCS_AUDIT_ACTIONS)[number];
