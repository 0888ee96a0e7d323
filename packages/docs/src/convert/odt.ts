import { strToU8, zipSync } from "fflate";
import { escapeXml } from "../content/escapeXml.js";
import { type Block, cellContent, type Inline, type TableContent } from "./blocks.js";
import { embeddedImage, fitted } from "./images.js";

const NS = [
  'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"',
  'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"',
  'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"',
  'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"',
  'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"',
  'xmlns:xlink="http://www.w3.org/1999/xlink"',
  'xmlns:dc="http://purl.org/dc/elements/1.1/"',
  'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"',
  'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"',
].join(" ");

const TEXT_STYLES: Record<string, string> = {
  bold: 'fo:font-weight="bold"',
  italic: 'fo:font-style="italic"',
  underline:
    'style:text-underline-style="solid" style:text-underline-width="auto" style:text-underline-color="font-color"',
  strike: 'style:text-line-through-style="solid"',
  code: 'style:font-name="Liberation Mono" fo:font-family="\'Liberation Mono\'"',
};

interface OdtContext {
  /** Character style names by the set of styles they combine ("bold+italic"). */
  spans: Map<string, string>;
  tables: number;
  pictures: Array<{ path: string; bytes: Uint8Array; mime: string }>;
}

/**
 * A document's blocks as an OpenDocument text (.odt): the format administrations
 * standardise on. Written directly (no library writes ODF), zipped with fflate.
 */
export function blocksToOdt(title: string, blocks: Block[]): Uint8Array {
  const out: OdtContext = { spans: new Map(), tables: 0, pictures: [] };
  const body = renderBlocks(blocks, out);
  const automatic = [...out.spans.entries()]
    .map(
      ([key, name]) =>
        `<style:style style:name="${name}" style:family="text"><style:text-properties ${key
          .split("+")
          .map((style) => TEXT_STYLES[style])
          .join(" ")}/></style:style>`,
    )
    .join("");
  const content =
    `<?xml version="1.0" encoding="UTF-8"?><office:document-content ${NS} office:version="1.3">` +
    `<office:automatic-styles>${automatic}` +
    `<style:style style:name="Quote" style:family="paragraph"><style:paragraph-properties fo:margin-left="1cm"/><style:text-properties fo:font-style="italic"/></style:style>` +
    `<style:style style:name="Code" style:family="paragraph"><style:text-properties style:font-name="Liberation Mono" fo:font-family="'Liberation Mono'"/></style:style>` +
    `<text:list-style style:name="Numbered"><text:list-level-style-number text:level="1" style:num-format="1" style:num-suffix="."/></text:list-style>` +
    `<text:list-style style:name="Bullets"><text:list-level-style-bullet text:level="1" text:bullet-char="•"/></text:list-style>` +
    `</office:automatic-styles><office:body><office:text>${body}</office:text></office:body></office:document-content>`;
  const meta =
    `<?xml version="1.0" encoding="UTF-8"?><office:document-meta ${NS} office:version="1.3">` +
    `<office:meta><dc:title>${escapeXml(title)}</dc:title></office:meta></office:document-meta>`;
  const manifest =
    `<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">` +
    `<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/>` +
    `<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>` +
    `<manifest:file-entry manifest:full-path="meta.xml" manifest:media-type="text/xml"/>` +
    out.pictures
      .map(
        (picture) =>
          `<manifest:file-entry manifest:full-path="${picture.path}" manifest:media-type="${picture.mime}"/>`,
      )
      .join("") +
    `</manifest:manifest>`;
  // The mimetype entry comes first and uncompressed, so tools can tell the format from its bytes.
  return zipSync({
    mimetype: [strToU8("application/vnd.oasis.opendocument.text"), { level: 0 }],
    "content.xml": strToU8(content),
    "meta.xml": strToU8(meta),
    "META-INF/manifest.xml": strToU8(manifest),
    // Pictures are compressed already.
    ...Object.fromEntries(
      out.pictures.map((picture) => [picture.path, [picture.bytes, { level: 0 }]]),
    ),
  });
}

function renderBlocks(blocks: Block[], out: OdtContext): string {
  let xml = "";
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i] as Block;
    if (block.type === "bulletListItem" || block.type === "numberedListItem") {
      // Consecutive items of one kind make one list.
      const items: Block[] = [];
      while (blocks[i]?.type === block.type) items.push(blocks[i++] as Block);
      i -= 1;
      const style = block.type === "numberedListItem" ? "Numbered" : "Bullets";
      xml += `<text:list text:style-name="${style}">${items
        .map(
          (item) =>
            `<text:list-item><text:p>${inline(item.content, out)}</text:p>${renderBlocks(item.children, out)}</text:list-item>`,
        )
        .join("")}</text:list>`;
      continue;
    }
    xml += renderBlock(block, out) + renderBlocks(block.children, out);
  }
  return xml;
}

function renderBlock(block: Block, out: OdtContext): string {
  switch (block.type) {
    case "heading": {
      const level = Math.min(6, Math.max(1, Number(block.props.level ?? 1)));
      return `<text:h text:outline-level="${level}">${inline(block.content, out)}</text:h>`;
    }
    case "quote":
      return `<text:p text:style-name="Quote">${inline(block.content, out)}</text:p>`;
    case "codeBlock": {
      const code = Array.isArray(block.content)
        ? block.content.map((item) => (item.type === "text" ? item.text : "")).join("")
        : "";
      return code
        .split("\n")
        .map((line) => `<text:p text:style-name="Code">${escapeSpaces(line)}</text:p>`)
        .join("");
    }
    case "checkListItem":
      return `<text:p>${block.props.checked ? "☑" : "☐"} ${inline(block.content, out)}</text:p>`;
    case "table":
      return table(block.content as TableContent, out);
    case "image": {
      const url = String(block.props.url ?? "");
      const label = escapeXml(String(block.props.caption || block.props.name || url || "image"));
      const image = embeddedImage(url);
      if (image) {
        const path = `Pictures/image${out.pictures.length + 1}.${image.extension}`;
        out.pictures.push({ path, bytes: image.bytes, mime: image.mime });
        // 17 cm is the text width of an A4 page with LibreOffice's margins; 96 px per inch.
        const cm = (px: number) => `${((px / 96) * 2.54).toFixed(2)}cm`;
        const size = fitted(image, (17 / 2.54) * 96);
        return `<text:p><draw:frame draw:name="${path}" text:anchor-type="as-char" svg:width="${cm(size.width)}" svg:height="${cm(size.height)}"><draw:image xlink:type="simple" xlink:show="embed" xlink:actuate="onLoad" xlink:href="${path}"/><svg:title>${label}</svg:title></draw:frame></text:p>`;
      }
      return url.startsWith("http")
        ? `<text:p><text:a xlink:type="simple" xlink:href="${escapeXml(url)}">${label}</text:a></text:p>`
        : `<text:p>${label}</text:p>`;
    }
    default:
      return `<text:p>${inline(block.content, out)}</text:p>`;
  }
}

function table(content: TableContent, out: OdtContext): string {
  out.tables += 1;
  const tables = out.tables;
  const columns = Math.max(1, ...content.rows.map((row) => row.cells.length));
  const rows = content.rows
    .map(
      (row) =>
        `<table:table-row>${row.cells
          .map(
            (cell) =>
              `<table:table-cell office:value-type="string"><text:p>${inline(cellContent(cell), out)}</text:p></table:table-cell>`,
          )
          .join("")}</table:table-row>`,
    )
    .join("");
  return `<table:table table:name="Table${tables}"><table:table-column table:number-columns-repeated="${columns}"/>${rows}</table:table>`;
}

function inline(content: Block["content"], out: OdtContext): string {
  if (!Array.isArray(content)) return "";
  return content.map((item) => inlineItem(item, out)).join("");
}

function inlineItem(item: Inline, out: OdtContext): string {
  if (item.type === "link") {
    const text = item.content.map((part) => inlineItem(part, out)).join("");
    return `<text:a xlink:type="simple" xlink:href="${escapeXml(item.href)}">${text}</text:a>`;
  }
  const styles = Object.keys(TEXT_STYLES).filter((style) => item.styles[style] === true);
  const text = escapeSpaces(item.text);
  if (styles.length === 0) return text;
  const key = styles.join("+");
  let name = out.spans.get(key);
  if (!name) {
    name = `T${out.spans.size + 1}`;
    out.spans.set(key, name);
  }
  return `<text:span text:style-name="${name}">${text}</text:span>`;
}

/** ODF collapses runs of spaces: they are written as text:s, tabs as text:tab. */
function escapeSpaces(text: string): string {
  return escapeXml(text)
    .replace(/ {2,}/g, (run) => ` <text:s text:c="${run.length - 1}"/>`)
    .replaceAll("\t", "<text:tab/>")
    .replaceAll("\n", "<text:line-break/>");
}
