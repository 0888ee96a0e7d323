import { Badge, Button, Group, Loader, Stack, Title, VisuallyHidden } from "@mantine/core";
import { IconHistory, IconShare } from "@tabler/icons-react";
import { useCallback, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError, type User } from "../../api/client";
import { useDocumentTitle } from "../../shell/useDocumentTitle";
import { type Doc, fetchDocument } from "../api/documents";
import { CollaborativeEditor } from "../editor/CollaborativeEditor";
import { Presence } from "../editor/Presence";
import { useCollaboration } from "../editor/useCollaboration";
import { type DocsChange, useDocsChanges } from "../events";
import { displayTitle } from "../home/DocumentList";
import type { Loaded } from "../home/useList";
import { Problem } from "../Problem";
import { ShareDialog } from "../share/ShareDialog";
import { VersionsPanel } from "../versions/VersionsPanel";
import { ConnectionStatus } from "./ConnectionStatus";
import { ExportMenu } from "./ExportMenu";
import { FavouriteToggle } from "./FavouriteToggle";
import { TitleField } from "./TitleField";

type Failure = "notFound" | "loadFailed";

/** /docs/<id>: the document's header (title, favourite, people, connection, share, versions) and editor. */
export function DocumentPage({ id, user }: { id: string; user: User }) {
  const { t } = useTranslation();
  const [doc, setDoc] = useState<Loaded<Doc> | { status: Failure }>({ status: "loading" });
  const [panel, setPanel] = useState<"share" | "versions" | null>(null);
  const collab = useCollaboration(id, user.id);
  const title = doc.status === "ready" ? displayTitle(doc.value.title, t("docs.untitled")) : "";
  useDocumentTitle(title ? t("docs.title.document", { title }) : t("docs.title.home"));

  const onChange = useCallback(
    (change: DocsChange) => {
      if (change.kind === "renamed" && change.id === id) {
        setDoc((current) =>
          current.status === "ready"
            ? { status: "ready", value: { ...current.value, title: change.title } }
            : current,
        );
      }
    },
    [id],
  );
  useDocsChanges(onChange);

  useEffect(() => {
    let cancelled = false;
    fetchDocument(id).then(
      (value) => !cancelled && setDoc({ status: "ready", value }),
      (error: unknown) => {
        if (cancelled) return;
        const missing = error instanceof ApiError && (error.status === 404 || error.status === 403);
        setDoc({ status: missing ? "notFound" : "loadFailed" });
      },
    );
    return () => {
      cancelled = true;
    };
  }, [id]);

  if (doc.status === "loading") return <Loader role="status" aria-label={t("docs.loading")} />;
  if (doc.status === "notFound")
    return <Problem text={t("docs.errors.notFound")} testId="docs-not-found" />;
  if (doc.status !== "ready")
    return <Problem text={t("docs.errors.loadFailed")} testId="docs-load-error" />;
  const { abilities } = doc.value;

  return (
    <Stack gap="sm" data-testid="docs-document" data-document-id={id}>
      <VisuallyHidden>
        <Title order={1}>{title}</Title>
      </VisuallyHidden>
      <Group gap="sm" wrap="wrap" align="center">
        <TitleField id={id} title={doc.value.title} editable={abilities.edit} />
        <FavouriteToggle id={id} />
        {!abilities.edit && (
          <Badge variant="dot" color="gray" size="lg" tt="none" data-testid="docs-readonly">
            {t("docs.document.readOnly")}
          </Badge>
        )}
      </Group>
      <Group gap="sm" justify="space-between" wrap="wrap">
        <Group gap="sm">
          <ConnectionStatus collab={collab} />
          {collab && <Presence provider={collab.provider} selfId={user.id} />}
        </Group>
        <Group gap="xs">
          {abilities.share && (
            <Button
              variant="light"
              leftSection={<IconShare size={18} aria-hidden="true" />}
              onClick={() => setPanel("share")}
              data-testid="docs-share"
            >
              {t("docs.share.open")}
            </Button>
          )}
          <ExportMenu id={id} />
          <Button
            variant="light"
            leftSection={<IconHistory size={18} aria-hidden="true" />}
            onClick={() => setPanel("versions")}
            data-testid="docs-versions"
          >
            {t("docs.versions.open")}
          </Button>
        </Group>
      </Group>
      {/* The editor starts from the browser's copy, so it never begins from an empty page and
          adds a first block of its own beside the document's real first block. */}
      {collab && (collab.localReady || collab.synced) ? (
        <CollaborativeEditor
          collab={collab}
          documentId={id}
          user={user}
          abilities={abilities}
          editable={abilities.edit && collab.connection !== "denied"}
          label={t("docs.document.editorLabel")}
        />
      ) : (
        <Loader role="status" aria-label={t("docs.loading")} />
      )}
      {panel === "share" && (
        <ShareDialog
          doc={doc.value}
          userId={user.id}
          onClose={() => setPanel(null)}
          onChanged={(value) => setDoc({ status: "ready", value })}
        />
      )}
      <VersionsPanel doc={doc.value} opened={panel === "versions"} onClose={() => setPanel(null)} />
    </Stack>
  );
}
