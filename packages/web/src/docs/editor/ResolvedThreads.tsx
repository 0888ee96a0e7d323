import { CommentsExtension } from "@blocknote/core/comments";
import {
  getReferenceText,
  Thread,
  useBlockNoteEditor,
  useExtensionState,
  useThreads,
} from "@blocknote/react";
import { Button, Stack } from "@mantine/core";
import { IconChevronDown, IconChevronRight } from "@tabler/icons-react";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";

/**
 * Threads once resolved. BlockNote takes a resolved thread's mark out of the text, so without
 * this list nobody could read it again or reopen it. Each shows without a reply box; its
 * Re-open button follows the thread store's rules, so a reader gets none.
 */
export function ResolvedThreads() {
  const { t } = useTranslation();
  const editor = useBlockNoteEditor();
  const { threadPositions } = useExtensionState(CommentsExtension);
  const threads = useThreads();
  const [open, setOpen] = useState(false);
  const listId = useId();
  const resolved = [...threads.values()].filter((thread) => thread.resolved && !thread.deletedAt);
  if (resolved.length === 0) return null;
  const Icon = open ? IconChevronDown : IconChevronRight;
  return (
    <Stack gap="xs" mt="md" data-testid="docs-resolved">
      <Button
        variant="subtle"
        color="gray"
        // BlockNote's own theme applies here; its text colour reads on either scheme.
        c="var(--bn-colors-menu-text)"
        justify="flex-start"
        leftSection={<Icon size={16} aria-hidden="true" />}
        aria-expanded={open}
        aria-controls={listId}
        onClick={() => setOpen((shown) => !shown)}
        data-testid="docs-resolved-toggle"
      >
        {t("docs.comments.resolved", { count: resolved.length })}
      </Button>
      {open && (
        <Stack gap="xs" id={listId} data-testid="docs-resolved-threads">
          {resolved.map((thread) => (
            <Thread
              key={thread.id}
              thread={thread}
              selected={false}
              referenceText={getReferenceText(editor, threadPositions.get(thread.id))}
            />
          ))}
        </Stack>
      )}
    </Stack>
  );
}
