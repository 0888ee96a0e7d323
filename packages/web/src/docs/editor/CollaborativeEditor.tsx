import { CommentsExtension } from "@blocknote/core/comments";
import { de, en, fr } from "@blocknote/core/locales";
import { BlockNoteView } from "@blocknote/mantine";
import { FloatingThreadController, Thread, useCreateBlockNote } from "@blocknote/react";
import { Box, useComputedColorScheme } from "@mantine/core";
import { type RefObject, useEffect, useMemo, useRef } from "react";
import { useTranslation } from "react-i18next";
import type { User } from "../../api/client";
import type { Abilities } from "../api/documents";
import classes from "./CollaborativeEditor.module.css";
import { CommentComposer } from "./CommentComposer";
import { createThreadStore, userResolver } from "./comments";
import { KeyboardComments } from "./KeyboardComments";
import { NamedToolbarButtons } from "./NamedToolbarButtons";
import { ResolvedThreads } from "./ResolvedThreads";
import type { Collaboration } from "./useCollaboration";
import { userColour } from "./userColor";

const dictionaries = { en, fr, de } as const;

/** Where BlockNote keeps its blocks in the Yjs document; the server reads the same fragment. */
export const FRAGMENT = "document-store";

interface CollaborativeEditorProps {
  collab: Collaboration;
  documentId: string;
  user: User;
  editable: boolean;
  /** What the person may do with comments; readers only see them. */
  abilities: Pick<Abilities, "comment" | "edit">;
  label: string;
}

/**
 * BlockNote's comment editors (the composer, the reply box, each comment's text) come without
 * a name; they get one as they appear, so every textbox says what it is for.
 */
function useCommentEditorNames(
  container: RefObject<HTMLElement | null>,
  names: { write: string; read: string },
) {
  useEffect(() => {
    const root = container.current;
    if (!root) return;
    const name = () => {
      for (const element of root.querySelectorAll<HTMLElement>(".bn-comment-editor .ProseMirror")) {
        const label = element.isContentEditable ? names.write : names.read;
        if (element.getAttribute("aria-label") !== label) element.setAttribute("aria-label", label);
      }
    };
    name();
    const observer = new MutationObserver(name);
    observer.observe(root, {
      childList: true,
      subtree: true,
      attributes: true,
      attributeFilter: ["contenteditable"],
    });
    return () => observer.disconnect();
  }, [container, names.write, names.read]);
}

/** A thread as a reader sees it: its comments, without the reply box. */
function ReadOnlyThread(props: Parameters<typeof Thread>[0]) {
  return <Thread {...props} selected={false} />;
}

/**
 * BlockNote bound to the shared Yjs document: every keystroke is a Yjs update, relayed by the
 * provider; other people's cursors carry their name in their own colour.
 */
export function CollaborativeEditor({
  collab,
  documentId,
  user,
  editable,
  abilities,
  label,
}: CollaborativeEditorProps) {
  const { t, i18n } = useTranslation();
  const scheme = useComputedColorScheme("light");
  const language = i18n.language as keyof typeof dictionaries;
  const dictionary = dictionaries[language] ?? en;
  // The id travels in the awareness state so presence lists a person once across their tabs.
  const cursorUser = useMemo(
    () => ({ name: user.name, color: userColour(user.id), id: user.id }),
    [user.name, user.id],
  );
  const canComment = abilities.comment;
  const canEdit = abilities.edit;
  const unknownLabel = t("docs.comments.unknownUser");
  // Threads live in the shared document; writes go through the server, which checks the role,
  // so a commenter comments while their editor stays read-only.
  const comments = useMemo(
    () =>
      CommentsExtension({
        threadStore: createThreadStore(collab.doc, documentId, user.id, {
          comment: canComment,
          edit: canEdit,
        }),
        resolveUsers: userResolver(documentId, { id: user.id, name: user.name }, unknownLabel),
      }),
    [collab.doc, documentId, user.id, user.name, canComment, canEdit, unknownLabel],
  );
  const editor = useCreateBlockNote(
    {
      dictionary,
      // The editable surface is a textbox: it needs a name of its own.
      domAttributes: { editor: { "aria-label": label } },
      collaboration: {
        provider: { awareness: collab.provider.awareness ?? undefined },
        fragment: collab.doc.getXmlFragment(FRAGMENT),
        user: cursorUser,
        showCursorLabels: "activity",
      },
      extensions: [comments],
    },
    [collab.provider, collab.doc, cursorUser, dictionary, label, comments],
  );
  const container = useRef<HTMLDivElement>(null);
  useCommentEditorNames(container, {
    write: t("docs.comments.write"),
    read: t("docs.comments.text"),
  });
  // Readers get no toolbar (nothing to format, nothing to comment) and threads without replies.
  const readerOnly = !editable && !canComment;
  return (
    <Box
      ref={container}
      data-testid="docs-editor"
      data-editable={editable}
      data-can-comment={canComment}
      className={classes.editor}
    >
      <BlockNoteView
        editor={editor}
        editable={editable}
        theme={scheme}
        comments={false}
        formattingToolbar={!readerOnly}
      >
        <NamedToolbarButtons>
          <KeyboardComments>
            {canComment && <CommentComposer />}
            <FloatingThreadController floatingThread={readerOnly ? ReadOnlyThread : undefined} />
            <ResolvedThreads />
          </KeyboardComments>
        </NamedToolbarButtons>
      </BlockNoteView>
    </Box>
  );
}
