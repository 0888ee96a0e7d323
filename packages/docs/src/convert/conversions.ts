import { markdownToHTML } from "@blocknote/core";
import { type Block, blockEditor, blocksToUpdate, inlineText, stateToBlocks } from "./blocks.js";
import {
  type ConversionBounds,
  checkBlocks,
  checkMarkup,
  type ShapeLimits,
  tooManyBlocks,
  tooManyCharacters,
} from "./bounds.js";
import { TooComplexFile, UnreadableFile } from "./UnreadableFile.js";
import { unzipWithin } from "./unzipWithin.js";

/**
 * The conversions themselves, as the conversion worker runs them (conversionWorker.ts):
 * everything that parses or builds a whole document, so none of it runs on the event loop
 * that answers requests and collaboration sockets.
 */

import type { ExportFormat, ImportFormat } from "../wire/enums.js";

export type { ExportFormat, ImportFormat };

/** A file as the Yjs update that creates its content, and the title it suggests. */
export async function importFile(
  format: ImportFormat,
  bytes: Uint8Array,
  bounds: ConversionBounds,
): Promise<{ update: Uint8Array; title: string }> {
  const html = await htmlOf(format, bytes, bounds);
  checkMarkup(html, HTML_BLOCKS, bounds, HTML_LIMITS);
  const blocks = (await (await blockEditor()).tryParseHTMLToBlocks(html)) as unknown as Block[];
  checkBlocks(blocks, bounds);
  return { update: await blocksToUpdate(blocks), title: titleOf(blocks) };
}

/**
 * A document's state as a file. A PDF comes back as the ODT LibreOffice will render: that
 * child process is the caller's, with its own limits.
 */
export async function exportFile(
  state: Uint8Array,
  title: string,
  format: ExportFormat,
): Promise<Uint8Array | string> {
  const blocks = await stateToBlocks(state);
  // biome-ignore lint/suspicious/noExplicitAny: BlockNote's block type is generic over its schema
  const editorBlocks = blocks as any;
  switch (format) {
    case "markdown":
      return (await blockEditor()).blocksToMarkdownLossy(editorBlocks);
    case "html": {
      const { escapeXml } = await import("../content/escapeXml.js");
      return `<!doctype html><html><head><meta charset="utf-8"><title>${escapeXml(title)}</title></head><body>${await (await blockEditor()).blocksToHTMLLossy(editorBlocks)}</body></html>`;
    }
    case "docx":
      return (await import("./docx.js")).blocksToDocx(title, blocks);
    case "odt":
    case "pdf":
      return (await import("./odt.js")).blocksToOdt(title, blocks);
  }
}

/** Each format through HTML, which BlockNote parses; every step measured before the next. */
async function htmlOf(format: ImportFormat, bytes: Uint8Array, bounds: ConversionBounds) {
  switch (format) {
    case "markdown": {
      const text = decode(bytes);
      checkMarkdown(text, bounds);
      return markdownToHTML(text);
    }
    case "docx": {
      // Unpacked within bounds first: mammoth would inflate a zip bomb whole.
      const entries = unzipWithin(bytes, bounds.maxUnpackedBytes);
      const body = entries["word/document.xml"];
      if (!body) throw new UnreadableFile("this is not a DOCX file (no word/document.xml)");
      checkMarkup(decode(body), DOCX_BLOCKS, bounds, XML_LIMITS);
      const { default: mammoth } = await import("mammoth");
      const { value } = await mammoth.convertToHtml(
        { buffer: Buffer.from(bytes) },
        { styleMap: DOCX_STYLES },
      );
      return value;
    }
    case "odt": {
      const entries = unzipWithin(bytes, bounds.maxUnpackedBytes);
      const content = entries["content.xml"];
      if (content) checkMarkup(decode(content), ODT_BLOCKS, bounds, XML_LIMITS);
      return (await import("./odtImport.js")).odtToHtml(entries);
    }
  }
}

/**
 * Markdown counted line by line before remark builds a tree of it: its characters, the
 * blocks it starts (a line after a blank one, or a list item, heading or quote) and how
 * deep its quotes go.
 */
function checkMarkdown(text: string, bounds: ConversionBounds) {
  if (text.length > bounds.maxCharacters * 2) throw tooManyCharacters(bounds);
  let blocks = 0;
  let blank = true;
  for (const line of text.split("\n")) {
    const trimmed = line.trimStart();
    if (!trimmed) {
      blank = true;
      continue;
    }
    if (blank || /^([-*+>#|]|\d+[.)])/.test(trimmed)) blocks++;
    blank = false;
    if (blocks > bounds.maxBlocks) throw tooManyBlocks(bounds);
    const quotes = /^(?:>\s*)+/.exec(trimmed)?.[0].replaceAll(/\s/g, "").length ?? 0;
    if (quotes > bounds.maxDepth) {
      throw new TooComplexFile(`the file nests quotes more than ${bounds.maxDepth} levels deep`);
    }
  }
}

function decode(bytes: Uint8Array): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new UnreadableFile("the file is not UTF-8 text");
  }
}

const HTML_BLOCKS = new Set([
  "p",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "li",
  "td",
  "th",
  "pre",
  "img",
  "hr",
]);
// A list level is ul > li > p; inline formatting adds a few elements per block.
const HTML_LIMITS: ShapeLimits = {
  html: true,
  elementsPerBlock: 50,
  depthPerLevel: 3,
  baseDepth: 16,
};
const DOCX_BLOCKS = new Set(["w:p", "w:tc"]);
const ODT_BLOCKS = new Set(["text:p", "text:h", "table:table-cell"]);
// Word and ODF spend many elements on each paragraph (runs, their properties, bookmarks);
// a table level is tbl > tr > tc > p > r > rPr.
const XML_LIMITS: ShapeLimits = { elementsPerBlock: 200, depthPerLevel: 8, baseDepth: 32 };

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
  return inlineText(first?.content).slice(0, 300);
}
