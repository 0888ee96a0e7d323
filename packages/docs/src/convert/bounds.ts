import type { Block } from "./blocks.js";
import { TooComplexFile, TooLargeFile } from "./UnreadableFile.js";

/** How much work one conversion may do, whatever the bytes it came in. */
export interface ConversionBounds {
  /** Blocks (paragraphs, headings, list items, table cells…) in one document. */
  maxBlocks: number;
  /** Blocks inside blocks (nested lists, quotes). */
  maxDepth: number;
  /** Characters of text. */
  maxCharacters: number;
  /** Bytes a DOCX or ODT may unpack to. */
  maxUnpackedBytes: number;
}

/** What a markup text holds, counted in one pass without building anything. */
export interface MarkupShape {
  /** Elements named in `blockTags`. */
  blocks: number;
  /** All elements. */
  elements: number;
  /** Deepest element nesting. */
  depth: number;
  /** Characters outside tags (entities count as written: an upper bound). */
  characters: number;
}

// HTML's elements that never close: they must not count as nesting.
const VOID = new Set([
  "area",
  "base",
  "br",
  "col",
  "embed",
  "hr",
  "img",
  "input",
  "link",
  "meta",
  "source",
  "track",
  "wbr",
]);

/**
 * Counts elements and nesting of XML or HTML by scanning its tags: linear, no tree, no
 * recursion, so a hostile file is measured before any parser (mammoth, xmldom, jsdom,
 * ProseMirror) spends memory or stack on it. Unbalanced markup only makes it count more.
 * Stops as soon as a count passes `max`: a bomb is refused after its first megabyte.
 */
export function shapeOf(
  markup: string,
  blockTags: ReadonlySet<string>,
  html = false,
  max: MarkupShape = {
    blocks: Infinity,
    elements: Infinity,
    depth: Infinity,
    characters: Infinity,
  },
): MarkupShape {
  const shape: MarkupShape = { blocks: 0, elements: 0, depth: 0, characters: 0 };
  let depth = 0;
  let at = 0;
  while (at < markup.length) {
    if (
      shape.blocks > max.blocks ||
      shape.elements > max.elements ||
      shape.depth > max.depth ||
      shape.characters > max.characters
    ) {
      break;
    }
    const open = markup.indexOf("<", at);
    if (open < 0) {
      shape.characters += markup.length - at;
      break;
    }
    shape.characters += open - at;
    if (markup.startsWith("<!--", open)) {
      at = skipPast(markup, "-->", open);
      continue;
    }
    if (markup.startsWith("<![CDATA[", open)) {
      const end = skipPast(markup, "]]>", open);
      shape.characters += end - open;
      at = end;
      continue;
    }
    const next = markup.charCodeAt(open + 1);
    if (next === 63 /* ? */ || next === 33 /* ! */) {
      at = skipPast(markup, ">", open);
      continue;
    }
    const close = tagEnd(markup, open);
    const closing = next === 47; /* / */
    const name = tagName(markup, closing ? open + 2 : open + 1, html);
    at = close + 1;
    if (closing) {
      depth = Math.max(0, depth - 1);
      continue;
    }
    shape.elements++;
    if (blockTags.has(name)) shape.blocks++;
    if (markup.charCodeAt(close - 1) === 47 || (html && VOID.has(name))) continue;
    depth++;
    if (depth > shape.depth) shape.depth = depth;
  }
  return shape;
}

/** Measures markup (shapeOf) and refuses it past the bounds, naming what is too much. */
export function checkMarkup(
  markup: string,
  blockTags: ReadonlySet<string>,
  bounds: ConversionBounds,
  limits: ShapeLimits,
) {
  const max: MarkupShape = {
    blocks: bounds.maxBlocks,
    elements: limits.elementsPerBlock * bounds.maxBlocks,
    depth: limits.depthPerLevel * bounds.maxDepth + limits.baseDepth,
    characters: bounds.maxCharacters,
  };
  const shape = shapeOf(markup, blockTags, limits.html, max);
  if (shape.characters > max.characters) throw tooManyCharacters(bounds);
  if (shape.blocks > max.blocks) throw tooManyBlocks(bounds);
  if (shape.elements > max.elements) {
    throw new TooLargeFile(`the file has more than ${max.elements} elements`);
  }
  if (shape.depth > max.depth) throw tooDeep(bounds);
}

/** How markup elements relate to blocks in a format: a list level is ul > li > p. */
export interface ShapeLimits {
  /** HTML, whose void elements (br, img) never close; else XML. */
  html?: boolean;
  elementsPerBlock: number;
  depthPerLevel: number;
  baseDepth: number;
}

/** The last check, on the blocks themselves, before they become a Yjs document. */
export function checkBlocks(blocks: Block[], bounds: ConversionBounds) {
  let count = 0;
  let characters = 0;
  const stack: Array<{ blocks: Block[]; depth: number }> = [{ blocks, depth: 1 }];
  for (let level = stack.pop(); level; level = stack.pop()) {
    if (level.depth > bounds.maxDepth) throw tooDeep(bounds);
    for (const block of level.blocks) {
      count += 1 + cellsOf(block);
      characters += JSON.stringify(block.content ?? "").length;
      if (block.children.length > 0) stack.push({ blocks: block.children, depth: level.depth + 1 });
    }
    if (count > bounds.maxBlocks) throw tooManyBlocks(bounds);
    if (characters > bounds.maxCharacters * 4) throw tooManyCharacters(bounds);
  }
}

function cellsOf(block: Block): number {
  const content = block.content;
  if (!content || Array.isArray(content)) return 0;
  return content.rows.reduce((sum, row) => sum + row.cells.length, 0);
}

export const tooManyBlocks = (bounds: ConversionBounds) =>
  new TooLargeFile(
    `the file has more than ${bounds.maxBlocks} paragraphs, headings, list items or cells`,
  );
export const tooManyCharacters = (bounds: ConversionBounds) =>
  new TooLargeFile(`the file has more than ${bounds.maxCharacters} characters of text`);
export const tooDeep = (bounds: ConversionBounds) =>
  new TooComplexFile(`the file nests lists or quotes more than ${bounds.maxDepth} levels deep`);

function skipPast(text: string, end: string, from: number): number {
  const at = text.indexOf(end, from);
  return at < 0 ? text.length : at + end.length;
}

/** The `>` that ends a tag, past quoted attribute values (which may hold one). */
function tagEnd(text: string, from: number): number {
  let quote = 0;
  for (let at = from + 1; at < text.length; at++) {
    const code = text.charCodeAt(at);
    if (quote) {
      if (code === quote) quote = 0;
    } else if (code === 34 || code === 39) quote = code;
    else if (code === 62) return at;
  }
  return text.length;
}

function tagName(text: string, from: number, html: boolean): string {
  let end = from;
  while (end < text.length) {
    const code = text.charCodeAt(end);
    if (code === 62 || code === 47 || code <= 32) break;
    end++;
  }
  const name = text.slice(from, end);
  return html ? name.toLowerCase() : name;
}
