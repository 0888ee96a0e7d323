import type { ServerBlockNoteEditor } from "@blocknote/server-util";
import * as Y from "yjs";
import { docOf, plainTextOf } from "../content/yjsContent.js";

/** The XML fragment BlockNote keeps a document in (its default name). */
export const FRAGMENT = "document-store";
/** The map BlockNote's Yjs thread stores keep comment threads in. */
export const THREADS = "threads";

export interface StyledText {
  type: "text";
  text: string;
  styles: Record<string, boolean | string>;
}
export interface Link {
  type: "link";
  href: string;
  content: StyledText[];
}
export type Inline = StyledText | Link;
export interface TableContent {
  type: "tableContent";
  headerRows?: number;
  rows: Array<{ cells: Array<{ content: Inline[] } | Inline[]> }>;
}
export interface Block {
  id?: string;
  type: string;
  props: Record<string, unknown>;
  content?: Inline[] | TableContent;
  children: Block[];
}

let editor: Promise<ServerBlockNoteEditor> | undefined;

/**
 * BlockNote's own converters, headless: the document model is the editor's. Comments are
 * on, so its schema knows the comment mark and never drops one when it rewrites content.
 * Loaded on first use: the editor and its DOM (jsdom) would double a server's start time
 * and memory for the few requests that convert.
 */
export function blockEditor(): Promise<ServerBlockNoteEditor> {
  editor ??= (async () => {
    const [{ ServerBlockNoteEditor }, comments] = await Promise.all([
      import("@blocknote/server-util"),
      import("@blocknote/core/comments"),
    ]);
    return ServerBlockNoteEditor.create({
      extensions: [
        comments.CommentsExtension({
          threadStore: new comments.YjsThreadStore(
            "server",
            new Y.Doc().getMap(THREADS),
            new comments.DefaultThreadStoreAuth("server", "editor"),
          ),
          resolveUsers: async () => [],
        }),
      ],
    });
  })();
  return editor;
}

/**
 * A document's blocks. A document never opened in the editor but written by another Yjs
 * client (plain text) becomes paragraphs, so its export is not empty.
 */
export async function stateToBlocks(state: Uint8Array): Promise<Block[]> {
  const doc = docOf(state);
  const blocks = (await blockEditor()).yDocToBlocks(doc, FRAGMENT) as unknown as Block[];
  if (blocks.length > 0) return blocks;
  return plainTextOf(state)
    .split("\n")
    .filter((line) => line.trim())
    .map((line) => ({
      type: "paragraph",
      props: {},
      content: [{ type: "text", text: line, styles: {} }],
      children: [],
    }));
}

/** Blocks as the Yjs update that creates them in an empty document. */
export async function blocksToUpdate(blocks: Block[]): Promise<Uint8Array> {
  // biome-ignore lint/suspicious/noExplicitAny: BlockNote's block type is generic over its schema
  const doc = (await blockEditor()).blocksToYDoc(blocks as any, FRAGMENT);
  return Y.encodeStateAsUpdate(doc);
}

export function inlineText(content: Inline[] | TableContent | undefined): string {
  if (!Array.isArray(content)) return "";
  return content
    .map((item) => (item.type === "link" ? item.content.map((t) => t.text).join("") : item.text))
    .join("");
}

/** A table cell's inline content, in either of BlockNote's cell shapes. */
export function cellContent(cell: { content: Inline[] } | Inline[]): Inline[] {
  return Array.isArray(cell) ? cell : cell.content;
}
