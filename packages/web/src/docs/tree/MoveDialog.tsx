import { Button, Group, Modal, NativeSelect, Stack, Text } from "@mantine/core";
import { type FormEvent, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import type { NoticeState } from "../../account/Notice";
import { ApiError } from "../../api/client";
import { type DocSummary, moveDocument } from "../api/documents";
import { announce } from "../events";
import { displayTitle } from "../home/DocumentList";
import type { Tree } from "./useTree";

const TOP = "";
/** Statuses whose message is the server's reason for refusing the move, worded for the user. */
const REFUSALS = new Set([400, 403, 409]);

/** The pages loaded in the tree, except `doc` and what lies below it: a page cannot contain itself. */
function destinations(tree: Tree, doc: DocSummary): DocSummary[] {
  if (!tree.root) return [];
  const found: DocSummary[] = [];
  const visit = (node: DocSummary) => {
    if (node.id === doc.id) return;
    found.push(node);
    const children = tree.children[node.id];
    if (Array.isArray(children)) children.forEach(visit);
  };
  visit(tree.root);
  return found;
}

interface MoveDialogProps {
  doc: DocSummary;
  tree: Tree;
  onClose: () => void;
  onNotice: (notice: NoticeState) => void;
}

/** "Move to…": under another page of the tree, or to the top level. */
export function MoveDialog({ doc, tree, onClose, onNotice }: MoveDialogProps) {
  const { t } = useTranslation();
  const untitled = t("docs.untitled");
  const options = useMemo(() => destinations(tree, doc), [tree, doc]);
  const [target, setTarget] = useState(doc.parentId ?? TOP);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const title = displayTitle(tree.titles[doc.id] ?? doc.title, untitled);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setProblem(null);
    try {
      await moveDocument(doc.id, target === TOP ? null : target);
      announce({ kind: "moved" });
      onNotice({ kind: "success", text: t("docs.tree.moved", { title }) });
      onClose();
    } catch (error) {
      // The server says why it refuses this move (no owner there, not an owner of the pages
      // above); other failures get the general text.
      setProblem(
        error instanceof ApiError && REFUSALS.has(error.status) && error.message
          ? t("docs.tree.moveRefused", { message: error.message })
          : t("docs.errors.actionFailed"),
      );
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal
      closeButtonProps={{ "aria-label": t("docs.close") }}
      opened
      onClose={onClose}
      title={t("docs.tree.moveTitle", { title })}
    >
      <form onSubmit={(event) => void submit(event)} data-testid="docs-move-dialog">
        <Stack>
          <NativeSelect
            label={t("docs.tree.destination")}
            value={target}
            onChange={(event) => setTarget(event.currentTarget.value)}
            data={[
              { value: TOP, label: t("docs.tree.topLevel") },
              ...options.map((node) => ({
                value: node.id,
                label: displayTitle(tree.titles[node.id] ?? node.title, untitled),
              })),
            ]}
            data-testid="docs-move-target"
          />
          {problem && (
            <Text c="red.8" role="alert">
              {problem}
            </Text>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t("docs.cancel")}
            </Button>
            <Button type="submit" loading={busy} data-testid="docs-move-submit">
              {t("docs.tree.moveSubmit")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
