import { ActionIcon, Anchor, Group, Loader, Menu, Text } from "@mantine/core";
import {
  IconChevronDown,
  IconChevronRight,
  IconCopy,
  IconDots,
  IconFolderSymlink,
  IconPlus,
  IconTrash,
} from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import type { NoticeState } from "../../account/Notice";
import {
  createDocument,
  type DocSummary,
  duplicateDocument,
  trashDocument,
} from "../api/documents";
import { displayTitle } from "../home/DocumentList";
import { DOCS_BASE, documentHref, followLink, navigate } from "../route";
import type { Tree } from "./useTree";

interface TreeNodeProps {
  doc: DocSummary;
  parentId: string | null;
  currentId: string;
  tree: Tree;
  onMove: (doc: DocSummary) => void;
  onNotice: (notice: NoticeState) => void;
}

export function TreeNode({ doc, parentId, currentId, tree, onMove, onNotice }: TreeNodeProps) {
  const { t } = useTranslation();
  const title = displayTitle(tree.titles[doc.id] ?? doc.title, t("docs.untitled"));
  const open = tree.expanded.has(doc.id);
  const children = tree.children[doc.id];
  const current = doc.id === currentId;
  const href = documentHref(doc.id);
  const groupId = `docs-tree-children-${doc.id}`;

  async function act(action: () => Promise<void>) {
    onNotice(null);
    try {
      await action();
    } catch {
      onNotice({ kind: "error", text: t("docs.errors.actionFailed") });
    }
  }

  const addChild = () =>
    act(async () => {
      const child = await createDocument({ parentId: doc.id });
      tree.expand(doc.id);
      navigate(documentHref(child.id));
    });
  const duplicate = () =>
    act(async () => {
      const copy = await duplicateDocument(doc.id);
      tree.reload(parentId);
      navigate(documentHref(copy.id));
    });
  const trash = () =>
    act(async () => {
      await trashDocument(doc.id);
      onNotice({ kind: "success", text: t("docs.tree.trashed", { title }) });
      if (parentId) {
        tree.reload(parentId);
        if (current) navigate(documentHref(parentId));
      } else {
        navigate(DOCS_BASE);
      }
    });

  return (
    <li data-testid="docs-tree-node" data-document-id={doc.id}>
      <Group gap={2} wrap="nowrap">
        <ActionIcon
          variant="subtle"
          color="gray"
          size="sm"
          onClick={() => tree.toggle(doc.id)}
          aria-expanded={open}
          aria-controls={open ? groupId : undefined}
          aria-label={t(open ? "docs.tree.collapse" : "docs.tree.expand", { title })}
        >
          {open ? (
            <IconChevronDown size={14} aria-hidden="true" />
          ) : (
            <IconChevronRight size={14} aria-hidden="true" />
          )}
        </ActionIcon>
        <Anchor
          href={href}
          onClick={(event) => followLink(event, href)}
          aria-current={current ? "page" : undefined}
          fw={current ? 700 : 400}
          size="sm"
          style={{
            flex: 1,
            minWidth: 0,
            overflow: "hidden",
            textOverflow: "ellipsis",
            whiteSpace: "nowrap",
          }}
          data-testid="docs-tree-link"
        >
          {title}
        </Anchor>
        <Menu position="bottom-end" withinPortal>
          <Menu.Target>
            <ActionIcon
              variant="subtle"
              color="gray"
              size="sm"
              aria-label={t("docs.tree.actions", { title })}
              data-testid="docs-tree-actions"
            >
              <IconDots size={14} aria-hidden="true" />
            </ActionIcon>
          </Menu.Target>
          <Menu.Dropdown>
            <Menu.Item
              leftSection={<IconPlus size={14} aria-hidden="true" />}
              onClick={() => void addChild()}
              data-testid="docs-tree-add-child"
            >
              {t("docs.tree.addChild")}
            </Menu.Item>
            <Menu.Item
              leftSection={<IconFolderSymlink size={14} aria-hidden="true" />}
              onClick={() => onMove(doc)}
              data-testid="docs-tree-move"
            >
              {t("docs.tree.move")}
            </Menu.Item>
            <Menu.Item
              leftSection={<IconCopy size={14} aria-hidden="true" />}
              onClick={() => void duplicate()}
              data-testid="docs-tree-duplicate"
            >
              {t("docs.tree.duplicate")}
            </Menu.Item>
            <Menu.Item
              color="red"
              leftSection={<IconTrash size={14} aria-hidden="true" />}
              onClick={() => void trash()}
              data-testid="docs-tree-trash"
            >
              {t("docs.tree.trash")}
            </Menu.Item>
          </Menu.Dropdown>
        </Menu>
      </Group>
      {open && (
        <ul id={groupId} style={{ listStyle: "none", margin: 0, paddingLeft: 18 }}>
          {children === "loading" && (
            <li>
              <Loader size="xs" role="status" aria-label={t("docs.loading")} />
            </li>
          )}
          {children === "failed" && (
            <li>
              <Text size="sm" c="red.8" role="alert">
                {t("docs.errors.loadFailed")}
              </Text>
            </li>
          )}
          {Array.isArray(children) && children.length === 0 && (
            <li>
              <Text size="sm" c="dimmed">
                {t("docs.tree.noChildren")}
              </Text>
            </li>
          )}
          {Array.isArray(children) &&
            children.map((child) => (
              <TreeNode
                key={child.id}
                doc={child}
                parentId={doc.id}
                currentId={currentId}
                tree={tree}
                onMove={onMove}
                onNotice={onNotice}
              />
            ))}
        </ul>
      )}
    </li>
  );
}
