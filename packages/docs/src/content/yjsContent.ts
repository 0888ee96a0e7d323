import * as Y from "yjs";

// The kernel's withoutControlCharacters, restated: this file runs in the conversion worker too,
// which must not load the kernel (its database drivers, its config) for one expression.
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding them is the point.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

export type RootKind = "text" | "xml" | "map" | "array";

/**
 * What a root type of a document holds. A document read from an update does not know the
 * types its roots were made with (the editor decides: BlockNote an XML fragment, a plain
 * client a text), so the kind is read off the items themselves.
 */
export function kindOf(doc: Y.Doc, name: string): RootKind | undefined {
  const type = doc.share.get(name);
  if (!type) return undefined;
  if (type instanceof Y.Text) return "text";
  if (type instanceof Y.XmlFragment) return "xml";
  if (type instanceof Y.Map) return "map";
  if (type instanceof Y.Array) return "array";
  if (type._map.size > 0) return "map";
  for (let item = type._start; item; item = item.right) {
    const content = item.content;
    if (content instanceof Y.ContentDeleted) continue;
    if (
      content instanceof Y.ContentString ||
      content instanceof Y.ContentFormat ||
      content instanceof Y.ContentEmbed
    ) {
      return "text";
    }
    if (content instanceof Y.ContentType) {
      return content.type instanceof Y.XmlElement || content.type instanceof Y.XmlText
        ? "xml"
        : "array";
    }
    return "array";
  }
  return undefined;
}

export function docOf(state: Uint8Array): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  return doc;
}

/**
 * The text a reader sees, a line per paragraph or block: for diffs, search and previews.
 * Control characters a client typed over the socket are not seen, and a NUL among them
 * would fail the search index's write on PostgreSQL: they are left out.
 */
export function plainTextOf(state: Uint8Array): string {
  const doc = docOf(state);
  const parts: string[] = [];
  for (const name of [...doc.share.keys()].sort()) {
    const kind = kindOf(doc, name);
    if (kind === "text") parts.push(doc.getText(name).toString());
    else if (kind === "xml") parts.push(blockLines(doc.getXmlFragment(name)).join("\n"));
  }
  return parts.filter(Boolean).join("\n").replace(CONTROL, "");
}

function blockLines(node: Y.XmlFragment | Y.XmlElement): string[] {
  const lines: string[] = [];
  let inline = "";
  for (const child of node.toArray()) {
    if (child instanceof Y.XmlText) {
      inline += child
        .toDelta()
        .map((op: { insert?: unknown }) => (typeof op.insert === "string" ? op.insert : ""))
        .join("");
    } else if (child instanceof Y.XmlElement) {
      lines.push(...blockLines(child));
    }
  }
  return inline ? [inline, ...lines] : lines;
}

/**
 * The update that makes the current content equal to an earlier state — a new edit on top
 * of the history, so collaborators merge it like any other and nothing in between is lost.
 */
export function restoreUpdate(current: Uint8Array, earlier: Uint8Array): Uint8Array {
  const doc = docOf(current);
  const old = docOf(earlier);
  const before = Y.encodeStateVector(doc);
  const names = new Set([...doc.share.keys(), ...old.share.keys()]);
  doc.transact(() => {
    for (const name of names) {
      switch (kindOf(old, name) ?? kindOf(doc, name) ?? "text") {
        case "text": {
          const text = doc.getText(name);
          text.delete(0, text.length);
          text.applyDelta(old.getText(name).toDelta());
          break;
        }
        case "xml": {
          const fragment = doc.getXmlFragment(name);
          fragment.delete(0, fragment.length);
          const nodes = old.getXmlFragment(name).toArray();
          fragment.insert(0, nodes.map((node) => node.clone()) as Array<Y.XmlElement | Y.XmlText>);
          break;
        }
        case "map": {
          const map = doc.getMap(name);
          const source = old.getMap(name);
          for (const key of [...map.keys()]) if (!source.has(key)) map.delete(key);
          for (const [key, value] of source) map.set(key, cloneValue(value));
          break;
        }
        case "array": {
          const array = doc.getArray(name);
          array.delete(0, array.length);
          array.insert(0, old.getArray(name).toArray().map(cloneValue));
          break;
        }
      }
    }
  });
  return Y.encodeStateAsUpdate(doc, before);
}

function cloneValue(value: unknown): unknown {
  return value instanceof Y.AbstractType
    ? (value as unknown as { clone(): unknown }).clone()
    : value;
}
