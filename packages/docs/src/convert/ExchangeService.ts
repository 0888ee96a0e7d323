import { InvalidRequest, PayloadTooLarge, withoutControlCharacters } from "@tandem/kernel";
import type { ServerEdits } from "../collab/ServerEdits.js";
import type { DocumentService } from "../documents/DocumentService.js";
import type { Requester } from "../permissions/abilities.js";
import type { DocumentAccess, ResolvedDocument } from "../permissions/DocumentAccess.js";
import type { UpdateLog } from "../storage/UpdateLog.js";
import type { ExportFormat, ImportFormat } from "../wire/enums.js";
import type { ConversionBounds } from "./bounds.js";
import { ConversionFailed, type ConversionPool, WorkerStopped } from "./ConversionPool.js";
import { UnprocessableFile } from "./conversionErrors.js";
import type { ConversionJob } from "./conversionWorker.js";
import { type LibreOffice, odtToPdf } from "./pdf.js";

/** How each export format is sent (the formats themselves: wire/enums.ts). */
export const EXPORT_TYPES = {
  markdown: { type: "text/markdown; charset=utf-8", extension: "md" },
  html: { type: "text/html; charset=utf-8", extension: "html" },
  docx: {
    type: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    extension: "docx",
  },
  odt: { type: "application/vnd.oasis.opendocument.text", extension: "odt" },
  pdf: { type: "application/pdf", extension: "pdf" },
} as const satisfies Record<ExportFormat, { type: string; extension: string }>;

/**
 * Exports to the formats administrations exchange, and imports from them. The conversions
 * run in the pool's worker threads (conversions.ts); here: access, storage, and what a
 * failed conversion tells the client.
 */
export class ExchangeService {
  readonly #access: DocumentAccess;
  readonly #log: UpdateLog;
  readonly #documents: DocumentService;
  readonly #edits: ServerEdits;
  readonly #pool: ConversionPool;
  readonly #bounds: ConversionBounds;
  readonly #libreoffice: LibreOffice;

  constructor(deps: {
    access: DocumentAccess;
    log: UpdateLog;
    documents: DocumentService;
    edits: ServerEdits;
    pool: ConversionPool;
    /** How much one import may hold: unpacked bytes, blocks, depth, characters. */
    bounds: ConversionBounds;
    libreoffice: LibreOffice;
  }) {
    this.#access = deps.access;
    this.#log = deps.log;
    this.#documents = deps.documents;
    this.#edits = deps.edits;
    this.#pool = deps.pool;
    this.#bounds = deps.bounds;
    this.#libreoffice = deps.libreoffice;
  }

  /** `who` holds the conversion slot: the user, or a link visitor's address. */
  async export(requester: Requester | null, id: string, format: ExportFormat, who: string) {
    const { document } = await this.#access.require(id, requester, "read");
    const state = await this.#log.stateOf(id);
    const title = document.title || "Untitled";
    const body = await this.#pool.withSlot(who, async () => {
      const { body } = await this.#convert({ kind: "export", format, state, title });
      if (format === "pdf") return odtToPdf(body as Uint8Array, this.#libreoffice);
      return typeof body === "string"
        ? body
        : Buffer.from(body.buffer, body.byteOffset, body.length);
    });
    return { title, body, ...EXPORT_TYPES[format] };
  }

  /** Reads the file first: a file that cannot be read creates nothing. */
  async import(
    requester: Requester,
    format: ImportFormat,
    bytes: Buffer,
    input: { title?: string; parentId?: string },
  ): Promise<ResolvedDocument> {
    const converted = await this.#pool.withSlot(requester.userId, () =>
      this.#convert({ kind: "import", format, bytes, bounds: this.#bounds }),
    );
    // A title taken from the file is text like any other: control characters out.
    const title = input.title ?? withoutControlCharacters(converted.title ?? "");
    const created = await this.#documents.create(requester, { title, parentId: input.parentId });
    try {
      await this.#edits.apply(created.document.id, converted.body as Uint8Array);
    } catch (error) {
      await this.#documents.discard(created.document.id);
      throw error;
    }
    return created;
  }

  /** One job in a worker, its failures as the client's errors. */
  async #convert(job: ConversionJob) {
    const importing = job.kind === "import";
    const what = importing
      ? `this ${job.format === "markdown" ? "Markdown" : job.format.toUpperCase()} file`
      : "this document";
    try {
      return await this.#pool.run(job);
    } catch (error) {
      if (error instanceof ConversionFailed) {
        if (error.failure === "too-large") throw new PayloadTooLarge(error.message);
        if (error.failure === "too-complex") throw new UnprocessableFile(error.message);
        if (error.failure === "unreadable") throw new InvalidRequest(error.message);
        if (importing) throw new InvalidRequest(`${what} could not be read`);
        throw new Error(`export failed: ${error.message}`);
      }
      if (error instanceof WorkerStopped) {
        if (error.reason === "memory") {
          throw new UnprocessableFile(
            `${what} needs more memory to convert than the server allows`,
          );
        }
        if (error.reason === "time") {
          throw new UnprocessableFile(`${what} takes longer to convert than the server allows`);
        }
        if (importing) throw new UnprocessableFile(`${what} could not be converted`);
      }
      throw error;
    }
  }
}
