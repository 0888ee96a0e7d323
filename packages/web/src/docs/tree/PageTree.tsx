import { Loader, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Notice, type NoticeState } from "../../account/Notice";
import type { DocSummary } from "../api/documents";
import { Problem } from "../Problem";
import { MoveDialog } from "./MoveDialog";
import { TreeNode } from "./TreeNode";
import { useTree } from "./useTree";

/** The sidebar's page tree: nested lists with disclosure buttons, each page with its actions. */
export function PageTree({ currentId }: { currentId: string }) {
  const { t } = useTranslation();
  const tree = useTree(currentId);
  const [moving, setMoving] = useState<DocSummary | null>(null);
  const [notice, setNotice] = useState<NoticeState>(null);

  return (
    <section aria-labelledby="docs-tree-heading" data-testid="docs-tree">
      <Title order={2} fz="sm" tt="uppercase" c="dimmed" id="docs-tree-heading" mb={4} mt="sm">
        {t("docs.tree.heading")}
      </Title>
      <Notice notice={notice} testId="docs-tree-notice" />
      {tree.failed && <Problem text={t("docs.errors.loadFailed")} testId="docs-tree-error" />}
      {!tree.failed && !tree.root && (
        <Loader size="sm" role="status" aria-label={t("docs.loading")} />
      )}
      {tree.root && (
        <ul style={{ listStyle: "none", margin: 0, padding: 0 }}>
          <TreeNode
            doc={tree.root}
            parentId={tree.root.parentId}
            currentId={currentId}
            tree={tree}
            onMove={setMoving}
            onNotice={setNotice}
          />
        </ul>
      )}
      {moving && (
        <MoveDialog doc={moving} tree={tree} onClose={() => setMoving(null)} onNotice={setNotice} />
      )}
    </section>
  );
}
