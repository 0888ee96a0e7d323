// What the server and the web app share about docs. Browser-safe: types and constants only,
// no node imports (the web app imports it as `@tandem/docs/wire`).

/** The audit actions docs records: invitations, ownership passed on, documents recovered. */
export const DOCS_AUDIT_ACTIONS = [
  "document_invited",
  "document_ownership_transferred",
  "document_recovered",
] as const;

export type DocsAuditAction = (typeof DOCS_AUDIT_ACTIONS)[number];
