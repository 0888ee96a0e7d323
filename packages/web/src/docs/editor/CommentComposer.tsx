import { CommentsExtension } from "@blocknote/core/comments";
import {
  FloatingComposer,
  type FloatingUIOptions,
  PositionPopover,
  useBlockNoteEditor,
  useEditorState,
  useExtension,
  useExtensionState,
} from "@blocknote/react";
import { flip, offset, shift } from "@floating-ui/react";
import { useMemo } from "react";

/**
 * The box for a new thread, under the selected text. BlockNote's own controller opens it as a
 * modal popover: the rest of the page is hidden from assistive technologies (aria-hidden) yet
 * stays focusable, which axe reports as serious. Here the rest of the page is made inert while
 * the box is open, so it is neither announced nor focusable; a click outside or Escape closes it.
 */
export function CommentComposer() {
  const editor = useBlockNoteEditor();
  const comments = useExtension(CommentsExtension);
  const pending = useExtensionState(CommentsExtension, {
    editor,
    selector: (state) => state.pendingComment,
  });
  const position = useEditorState({
    editor,
    selector: ({ editor }) =>
      pending
        ? { from: editor.prosemirrorState.selection.from, to: editor.prosemirrorState.selection.to }
        : undefined,
  });
  const options = useMemo<FloatingUIOptions>(
    () => ({
      useFloatingOptions: {
        open: pending,
        onOpenChange: (open) => {
          if (open) return;
          comments.stopPendingComment();
          editor.focus();
        },
        placement: "bottom",
        middleware: [offset(10), shift(), flip()],
      },
      // Inert, not aria-hidden, outside; no focus guards (focusable spans hidden from assistive
      // technologies), which a non-modal popover's portal would add around it too.
      focusManagerProps: { disabled: false, outsideElementsInert: true, guards: false },
      elementProps: { style: { zIndex: 60 } },
    }),
    [comments, editor, pending],
  );
  return (
    <PositionPopover position={position} {...options}>
      <FloatingComposer />
    </PositionPopover>
  );
}
