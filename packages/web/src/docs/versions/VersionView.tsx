import { BlockNoteView } from "@blocknote/mantine";
import { useCreateBlockNote } from "@blocknote/react";
import { useComputedColorScheme } from "@mantine/core";
import { useMemo } from "react";
import * as Y from "yjs";
import { FRAGMENT } from "../editor/CollaborativeEditor";

/**
 * A version as it looked, in a read-only editor over a throw-away Yjs document built from its
 * state: nothing here is connected, so nothing here can change the live document.
 */
export function VersionView({ state, label }: { state: Uint8Array; label: string }) {
  const scheme = useComputedColorScheme("light");
  const fragment = useMemo(() => {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, state);
    return doc.getXmlFragment(FRAGMENT);
  }, [state]);
  const editor = useCreateBlockNote(
    {
      domAttributes: { editor: { "aria-label": label } },
      collaboration: { fragment, user: { name: "", color: "#000000" } },
    },
    [fragment, label],
  );
  return (
    <section aria-label={label} data-testid="docs-version-view">
      <BlockNoteView
        editor={editor}
        editable={false}
        theme={scheme}
        sideMenu={false}
        formattingToolbar={false}
      />
    </section>
  );
}
