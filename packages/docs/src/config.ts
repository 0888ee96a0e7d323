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
  credentialRecheckSeconds: option(
    "TANDEM_DOCS_CREDENTIAL_RECHECK_SECONDS",
    wholeNumber({ min: 1, max: 3600, default: 60 }),
    "How often open collaboration sockets check that the session or token that opened them still works " +
      "(revocations from the server reach them at once; this catches those made elsewhere, e.g. by the CLI).",
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
  libreofficeMemoryMb: option(
    "TANDEM_DOCS_LIBREOFFICE_MEMORY_MB",
    wholeNumber({ min: 256, max: 64 * 1024, default: 2048 }),
    "Address space one LibreOffice run may use (PDF export), in MB; past it, the export fails.",
  ),
  convertWorkers: option(
    "TANDEM_DOCS_CONVERT_WORKERS",
    wholeNumber({ min: 1, max: 64, default: 1 }),
    "Imports and exports converted at once on this instance, each in its own worker thread.",
  ),
  convertQueue: option(
    "TANDEM_DOCS_CONVERT_QUEUE",
    wholeNumber({ min: 0, max: 1000, default: 4 }),
    "Imports and exports that may wait for a worker; past them, 503 with Retry-After. Each user has one at a time (429).",
  ),
  convertMemoryMb: option(
    "TANDEM_DOCS_CONVERT_MEMORY_MB",
    wholeNumber({ min: 64, max: 64 * 1024, default: 1024 }),
    "Heap of one conversion worker, in MB; a conversion that needs more is refused (422). BlockNote needs about 600 MB for 10,000 blocks.",
  ),
  convertSeconds: option(
    "TANDEM_DOCS_CONVERT_SECONDS",
    wholeNumber({ min: 1, max: 3600, default: 120 }),
    "How long one import or export (PDF: LibreOffice too) may take before it is stopped (422).",
  ),
  importMaxBlocks: option(
    "TANDEM_DOCS_IMPORT_MAX_BLOCKS",
    wholeNumber({ min: 10, max: 10_000_000, default: 10_000 }),
    "Most blocks (paragraphs, headings, list items, table cells) an imported file may hold (413).",
  ),
  importMaxDepth: option(
    "TANDEM_DOCS_IMPORT_MAX_DEPTH",
    wholeNumber({ min: 1, max: 1000, default: 20 }),
    "Deepest nesting of lists and quotes an imported file may have (422).",
  ),
  importMaxCharacters: option(
    "TANDEM_DOCS_IMPORT_MAX_CHARACTERS",
    wholeNumber({ min: 1000, max: 1_000_000_000, default: 2_000_000 }),
    "Most characters of text an imported file may hold (413).",
  ),
};
