/** Roles on a document, lowest first: a role allows what the ones before it allow. */
export const ROLES = ["reader", "commenter", "editor", "administrator", "owner"] as const;
export type Role = (typeof ROLES)[number];
/** Who a document's link lets in. */
export const LINK_REACHES = ["restricted", "authenticated", "public"] as const;
export type LinkReach = (typeof LINK_REACHES)[number];
/** The role a document's link gives. */
export const LINK_ROLES = ["reader", "commenter", "editor"] as const;
export type LinkRole = (typeof LINK_ROLES)[number];
/** What a document may be downloaded as. */
export const EXPORT_FORMATS = ["markdown", "html", "docx", "odt", "pdf"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
/** What a document may be created from. */
export const IMPORT_FORMATS = ["markdown", "docx", "odt"] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];
