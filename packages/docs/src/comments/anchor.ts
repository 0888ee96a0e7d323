import { Transform } from "@tiptap/pm/transform";
import {
  initProseMirrorDoc,
  relativePositionToAbsolutePosition,
  updateYFragment,
} from "y-prosemirror";
import * as Y from "yjs";
import { blockEditor, FRAGMENT } from "../convert/blocks.js";

export interface Selection {
  prosemirror?: { head: number; anchor: number };
  yjs?: { head: unknown; anchor: unknown };
}

/** A selection that cannot be marked: its positions are unreadable, empty or gone. */
export class UnanchorableSelection extends Error {}

/** The selection in ProseMirror positions; Yjs positions a client made up are refused. */
function positionsOf(
  doc: Y.Doc,
  fragment: Y.XmlFragment,
  mapping: Parameters<typeof relativePositionToAbsolutePosition>[3],
  selection: Selection,
): unknown[] {
  if (!selection.yjs) return [selection.prosemirror?.anchor, selection.prosemirror?.head];
  const { anchor, head } = selection.yjs;
  try {
    return [anchor, head].map((relative) =>
      relativePositionToAbsolutePosition(
        doc,
        fragment,
        Y.createRelativePositionFromJSON(relative),
        mapping,
      ),
    );
  } catch {
    throw new UnanchorableSelection("selection.yjs: not Yjs relative positions of this document");
  }
}

/**
 * Marks the commented text with its thread, as the editor itself would: the document is
 * read into ProseMirror with BlockNote's schema, the mark added there, and the difference
 * written back with y-prosemirror. The Yjs (relative) positions are preferred, since they
 * still point at the same text if others typed meanwhile.
 */
export async function anchorUpdate(
  state: Uint8Array,
  threadId: string,
  selection: Selection,
): Promise<Uint8Array> {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  const fragment = doc.getXmlFragment(FRAGMENT);
  const schema = (await blockEditor()).editor.pmSchema;
  const { doc: pmDoc, meta, mapping } = initProseMirrorDoc(fragment, schema);
  const positions = positionsOf(doc, fragment, mapping, selection);
  const [a, b] = positions;
  if (typeof a !== "number" || typeof b !== "number" || a === b) {
    throw new UnanchorableSelection("the selection is empty or no longer in the document");
  }
  const from = Math.max(0, Math.min(a, b));
  const to = Math.min(pmDoc.content.size, Math.max(a, b));
  const mark = schema.marks.comment?.create({ threadId, orphan: false });
  if (!mark) throw new Error("the editor schema has no comment mark");
  const marked = new Transform(pmDoc).addMark(from, to, mark).doc;
  const before = Y.encodeStateVector(doc);
  doc.transact(() => updateYFragment(doc, fragment, marked, meta));
  return Y.encodeStateAsUpdate(doc, before);
}
