import { InvalidRequest, PayloadTooLarge, withoutControlCharacters } from "@tandem/kernel";
import type { ServerEdits } from "../collab/ServerEdits.js";
import { escapeXml } from "../content/escapeXml.js";
import type { DocumentService } from "../documents/DocumentService.js";
import type { Requester } from "../permissions/abilities.js";
import type { DocumentAccess, ResolvedDocument } from "../permissions/DocumentAccess.js";
import type { UpdateLog } from "../storage/UpdateLog.js";
import { type Block, blockEditor, blocksToUpdate, inlineText, stateToBlocks } from "./blocks.js";
import { odtToPdf } from "./pdf.js";
import { TooLargeFile, UnreadableFile } from "./UnreadableFile.js";

// The converters below are loaded when first asked for, like BlockNote's (see blocks.ts):
// their libraries (fflate, xmldom, image-size, docx, mammoth) are not needed to start.
const odt = () => import("./odt.js");
const odtImport = () => import("./odtImport.js");
const unzip = () => import("./unzipWithin.js");

export const EXPORT_FORMATS = {
  markdown: { type: "text/markdown; charset=utf-8", extension: "md" },
  html: { type: "text/html; charset=utf-8", extension: "html" },
  docx: {
    type: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    extension: "docx",
  },
  odt: { type: "application/vnd.oasis.opendocument.text", extension: "odt" },
  pdf: { type: "application/pdf", extension: "pdf" },
} as const;
export type ExportFormat = keyof typeof EXPORT_FORMATS;
export const IMPORT_FORMATS = ["markdown", "docx", "odt"] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** Exports to the formats administrations exchange, and imports from them. */
export class ExchangeService {
  readonly #access: DocumentAccess;
  readonly #log: UpdateLog;
  readonly #documents: DocumentService;
  readonly #edits: ServerEdits;
  readonly #libreoffice: string;
  readonly #maxUnpackedBytes: number;

  constructor(deps: {
    access: DocumentAccess;
    log: UpdateLog;
    documents: DocumentService;
    edits: ServerEdits;
    libreoffice: string;
    /** The most a DOCX or ODT may unpack to. */
    maxUnpackedBytes: number;
  }) {
    this.#access = deps.access;
    this.#log = deps.log;
    this.#documents = deps.documents;
    this.#edits = deps.edits;
    this.#libreoffice = deps.libreoffice;
    this.#maxUnpackedBytes = deps.maxUnpackedBytes;
  }

  async export(requester: Requester | null, id: string, format: ExportFormat) {
    const { document } = await this.#access.require(id, requester, "read");
    const blocks = await stateToBlocks(await this.#log.stateOf(id));
    const title = document.title || "Untitled";
    return { title, body: await this.#render(title, blocks, format), ...EXPORT_FORMATS[format] };
  }

  /** Reads the file first: a file that cannot be read creates nothing. */
  async import(
    requester: Requester,
    format: ImportFormat,
    bytes: Buffer,
    input: { title?: string; parentId?: string },
  ): Promise<ResolvedDocument> {
    const blocks = await this.#read(format, bytes);
    const update = await blocksToUpdate(blocks);
    const title = input.title ?? titleOf(blocks);
    const created = await this.#documents.create(requester, { title, parentId: input.parentId });
    try {
      await this.#edits.apply(created.document.id, update);
    } catch (error) {
      await this.#documents.discard(created.document.id);
      throw error;
    }
    return created;
  }

  async #render(title: string, blocks: Block[], format: ExportFormat): Promise<Buffer | string> {
    // biome-ignore lint/suspicious/noExplicitAny: BlockNote's block type is generic over its schema
    const editorBlocks = blocks as any;
    switch (format) {
      case "markdown":
        return (await blockEditor()).blocksToMarkdownLossy(editorBlocks);
      case "html":
        return `<!doctype html><html><head><meta charset="utf-8"><title>${escapeXml(title)}</title></head><body>${await (await blockEditor()).blocksToHTMLLossy(editorBlocks)}</body></html>`;
      case "docx":
        return (await import("./docx.js")).blocksToDocx(title, blocks);
      case "odt":
        return Buffer.from((await odt()).blocksToOdt(title, blocks));
      case "pdf":
        return odtToPdf((await odt()).blocksToOdt(title, blocks), this.#libreoffice);
    }
  }

  async #read(format: ImportFormat, bytes: Buffer): Promise<Block[]> {
    try {
      const editor = await blockEditor();
      switch (format) {
        case "markdown": {
          const text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
          return (await editor.tryParseMarkdownToBlocks(text)) as unknown as Block[];
        }
        case "docx": {
          // Unpacked within bounds first: mammoth would inflate a zip bomb whole.
          (await unzip()).unzipWithin(bytes, this.#maxUnpackedBytes);
          const { default: mammoth } = await import("mammoth");
          const { value } = await mammoth.convertToHtml(
            { buffer: bytes },
            { styleMap: DOCX_STYLES },
          );
          return (await editor.tryParseHTMLToBlocks(value)) as unknown as Block[];
        }
        case "odt":
          return (await editor.tryParseHTMLToBlocks(
            (
              await odtImport()
            ).odtToHtml((await unzip()).unzipWithin(bytes, this.#maxUnpackedBytes)),
          )) as unknown as Block[];
      }
    } catch (error) {
      if (error instanceof TooLargeFile) throw new PayloadTooLarge(error.message);
      if (error instanceof UnreadableFile) throw new InvalidRequest(error.message);
      throw new InvalidRequest(
        `this ${format === "markdown" ? "Markdown" : format.toUpperCase()} file could not be read`,
      );
    }
  }
}

/** Word's and our own paragraph styles for quotes and code, as HTML BlockNote reads. */
const DOCX_STYLES = [
  "p[style-name='Quote'] => blockquote > p:fresh",
  "p[style-name='Intense Quote'] => blockquote > p:fresh",
  "p[style-name='Code'] => pre:separator('\\n')",
  "p[style-name='HTML Preformatted'] => pre:separator('\\n')",
];

/** The first heading's text, else the first line: what a user would call the document. */
function titleOf(blocks: Block[]): string {
  const first = blocks.find((block) => block.type === "heading") ?? blocks[0];
  return withoutControlCharacters(inlineText(first?.content)).slice(0, 300);
}
