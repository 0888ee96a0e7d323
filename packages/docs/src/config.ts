import { option, wholeNumber, z } from "@tandem/kernel";

/** The docs module's slice of the configuration. */
export const docsOptions = {
  maxMessageBytes: option(
    "TANDEM_DOCS_MAX_MESSAGE_BYTES",
    wholeNumber({ min: 1024, max: 256 * 1024 * 1024, default: 16 * 1024 * 1024 }),
    "Largest message a collaboration connection may send (bytes); a larger one closes that connection.",
  ),
  compactAfter: option(
    "TANDEM_DOCS_COMPACT_AFTER",
    wholeNumber({ min: 2, max: 1_000_000, default: 500 }),
    "Updates a document's log may gather before they are merged into its snapshot.",
  ),
  versionEveryMinutes: option(
    "TANDEM_DOCS_VERSION_EVERY_MINUTES",
    wholeNumber({ min: 1, max: 24 * 60, default: 10 }),
    "How often a document being edited gets an automatic version (also when its last editor leaves).",
  ),
  maxImportBytes: option(
    "TANDEM_DOCS_MAX_IMPORT_BYTES",
    wholeNumber({ min: 1024, max: 1024 * 1024 * 1024, default: 20 * 1024 * 1024 }),
    "Largest file accepted for import (Markdown, DOCX, ODT), in bytes.",
  ),
  invitationsPerDay: option(
    "TANDEM_DOCS_INVITATIONS_PER_DAY",
    wholeNumber({ min: 1, max: 1_000_000, default: 100 }),
    "Invitations (shares by e-mail, each one e-mailed) one account may send in 24 hours; more are refused with 429.",
  ),
  libreoffice: option(
    "TANDEM_DOCS_LIBREOFFICE",
    z.string().min(1).default("libreoffice"),
    "LibreOffice's command, used for PDF export (Debian package libreoffice-writer).",
  ),
};
