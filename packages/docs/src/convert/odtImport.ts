import { DOMParser } from "@xmldom/xmldom";
import { strFromU8 } from "fflate";
import { escapeXml } from "../content/escapeXml.js";
import { dataUrl, mimeOf } from "./images.js";
import { UnreadableFile } from "./UnreadableFile.js";

const OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0";
const TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0";
const TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0";
const STYLE = "urn:oasis:names:tc:opendocument:xmlns:style:1.0";
const FO = "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0";
const XLINK = "http://www.w3.org/1999/xlink";
const DRAW = "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0";
const SVG = "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0";

interface Context {
  styles: Map<string, Formatting>;
  entries: Record<string, Uint8Array>;
}

function titleOf(frame: Element): string {
  return frame.getElementsByTagNameNS(SVG, "title")[0]?.textContent ?? "";
}

interface Formatting {
  name?: string;
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  strike?: boolean;
  code?: boolean;
  numbered?: boolean;
}

/**
 * An OpenDocument text as HTML, which BlockNote's parser turns into blocks: headings,
 * paragraphs, lists, tables, links and character formatting from the automatic styles.
 */
export function odtToHtml(entries: Record<string, Uint8Array>): string {
  const content = entries["content.xml"];
  if (!content || !strFromU8(entries.mimetype ?? new Uint8Array()).includes("opendocument.text")) {
    throw new UnreadableFile("this is not an OpenDocument text (no text mimetype or content.xml)");
  }
  const errors: string[] = [];
  const xml = new DOMParser({
    errorHandler: {
      error: (message) => errors.push(message),
      fatalError: (message) => errors.push(message),
    },
  }).parseFromString(strFromU8(content), "text/xml");
  if (errors.length > 0 || !xml.documentElement) {
    throw new UnreadableFile("the OpenDocument content is not well-formed XML");
  }
  const styles = readStyles(xml);
  const root = xml.getElementsByTagNameNS(OFFICE, "text")[0];
  if (!root) throw new UnreadableFile("the OpenDocument has no text body");
  // One paragraph per line of code in ODF; one code block in the editor.
  return children(root, { styles, entries }).replaceAll("</code></pre><pre><code>", "\n");
}

function readStyles(xml: Document): Map<string, Formatting> {
  const styles = new Map<string, Formatting>();
  for (const style of Array.from(xml.getElementsByTagNameNS(STYLE, "style"))) {
    const parent = style.getAttributeNS(STYLE, "parent-style-name");
    if (parent) styles.set(`parent:${style.getAttributeNS(STYLE, "name")}`, { name: parent });
    const props = style.getElementsByTagNameNS(STYLE, "text-properties")[0];
    if (!props) continue;
    const font = `${props.getAttributeNS(STYLE, "font-name")} ${props.getAttributeNS(FO, "font-family")}`;
    styles.set(style.getAttributeNS(STYLE, "name") ?? "", {
      bold: props.getAttributeNS(FO, "font-weight") === "bold",
      italic: props.getAttributeNS(FO, "font-style") === "italic",
      underline:
        !!props.getAttributeNS(STYLE, "text-underline-style") &&
        props.getAttributeNS(STYLE, "text-underline-style") !== "none",
      strike:
        !!props.getAttributeNS(STYLE, "text-line-through-style") &&
        props.getAttributeNS(STYLE, "text-line-through-style") !== "none",
      code: /mono|courier|consol/i.test(font),
    });
  }
  for (const list of Array.from(xml.getElementsByTagNameNS(TEXT, "list-style"))) {
    const numbered = list.getElementsByTagNameNS(TEXT, "list-level-style-number").length > 0;
    styles.set(`list:${list.getAttributeNS(STYLE, "name")}`, { numbered });
  }
  return styles;
}

function children(node: Node, ctx: Context): string {
  let out = "";
  for (let child = node.firstChild; child; child = child.nextSibling) out += convert(child, ctx);
  return out;
}

function convert(node: Node, ctx: Context): string {
  const { styles } = ctx;
  if (node.nodeType === 3) return escapeXml(node.nodeValue ?? "");
  if (node.nodeType !== 1) return "";
  const element = node as Element;
  const inner = () => children(element, ctx);
  if (element.namespaceURI === TEXT) {
    switch (element.localName) {
      case "h": {
        const level = Math.min(
          6,
          Math.max(1, Number(element.getAttributeNS(TEXT, "outline-level")) || 1),
        );
        return `<h${level}>${inner()}</h${level}>`;
      }
      case "p": {
        const kind = paragraphKind(element.getAttributeNS(TEXT, "style-name") ?? "", styles);
        if (kind === "quote") return `<blockquote><p>${inner()}</p></blockquote>`;
        if (kind === "code") return `<pre><code>${inner()}</code></pre>`;
        return `<p>${inner()}</p>`;
      }
      case "list": {
        const numbered = styles.get(`list:${element.getAttributeNS(TEXT, "style-name")}`)?.numbered;
        const tag = numbered ? "ol" : "ul";
        return `<${tag}>${inner()}</${tag}>`;
      }
      case "list-item":
        return `<li>${inner()}</li>`;
      case "span": {
        const format = styles.get(element.getAttributeNS(TEXT, "style-name") ?? "") ?? {};
        return wrap(inner(), format);
      }
      case "a":
        return `<a href="${escapeXml(element.getAttributeNS(XLINK, "href") ?? "")}">${inner()}</a>`;
      case "s":
        return " ".repeat(Number(element.getAttributeNS(TEXT, "c")) || 1);
      case "tab":
        return "\t";
      case "line-break":
        return "<br>";
      default:
        return inner();
    }
  }
  // A frame's title is the picture's description (its alt text), not text of the page.
  if (element.namespaceURI === SVG) return "";
  if (element.namespaceURI === DRAW && element.localName === "image") {
    // Pictures travel inside the file; they come back as data: URLs, as DOCX imports do.
    const path = element.getAttributeNS(XLINK, "href") ?? "";
    const bytes = ctx.entries[path];
    const mime = mimeOf(path);
    if (!bytes || !mime) return "";
    const title = element.parentNode ? titleOf(element.parentNode as Element) : "";
    return `<img src="${dataUrl(mime, bytes)}" alt="${escapeXml(title)}">`;
  }
  if (element.namespaceURI === TABLE) {
    switch (element.localName) {
      case "table":
        return `<table>${inner()}</table>`;
      case "table-row":
        return `<tr>${inner()}</tr>`;
      case "table-cell":
        return `<td>${inner()}</td>`;
      case "table-column":
        return "";
      default:
        return inner();
    }
  }
  return inner();
}

/** Our own styles and LibreOffice's usual names for quotes and preformatted text. */
function paragraphKind(
  style: string,
  styles: Map<string, Formatting>,
): "quote" | "code" | undefined {
  const name = `${style} ${styles.get(`parent:${style}`)?.name ?? ""}`;
  if (/quot/i.test(name)) return "quote";
  if (/code|preformatted/i.test(name)) return "code";
  return undefined;
}

function wrap(html: string, format: Formatting): string {
  let out = html;
  if (format.code) out = `<code>${out}</code>`;
  if (format.bold) out = `<strong>${out}</strong>`;
  if (format.italic) out = `<em>${out}</em>`;
  if (format.underline) out = `<u>${out}</u>`;
  if (format.strike) out = `<s>${out}</s>`;
  return out;
}
