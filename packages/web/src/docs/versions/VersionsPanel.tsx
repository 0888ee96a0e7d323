import { Button, Drawer, Group, Loader, Stack, Text, TextInput } from "@mantine/core";
import { type FormEvent, useCallback, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Notice, type NoticeState } from "../../account/Notice";
import type { Doc } from "../api/documents";
import { fetchVersions, nameVersion, type Version } from "../api/versions";
import { VersionDetail } from "./VersionDetail";
import { VersionList } from "./VersionList";

interface VersionsPanelProps {
  doc: Doc;
  opened: boolean;
  onClose: () => void;
}

export type Shown = { version: Version; mode: "view" | "diff" | "restore" };

/** The document's history: name the current state, look at a version, compare it, restore it. */
export function VersionsPanel({ doc, opened, onClose }: VersionsPanelProps) {
  const { t } = useTranslation();
  const [versions, setVersions] = useState<Version[] | null>(null);
  const [name, setName] = useState("");
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<NoticeState>(null);
  const [shown, setShown] = useState<Shown | null>(null);

  const load = useCallback(async () => {
    try {
      setVersions(await fetchVersions(doc.id));
    } catch {
      setNotice({ kind: "error", text: t("docs.errors.loadFailed") });
    }
  }, [doc.id, t]);

  useEffect(() => {
    if (opened) void load();
    else setShown(null);
  }, [opened, load]);

  async function save(event: FormEvent) {
    event.preventDefault();
    const trimmed = name.trim();
    if (!trimmed) return;
    setBusy(true);
    try {
      await nameVersion(doc.id, trimmed);
      setName("");
      setNotice({ kind: "success", text: t("docs.versions.saved", { name: trimmed }) });
      await load();
    } catch {
      setNotice({ kind: "error", text: t("docs.errors.actionFailed") });
    } finally {
      setBusy(false);
    }
  }

  return (
    <Drawer
      closeButtonProps={{ "aria-label": t("docs.close") }}
      opened={opened}
      onClose={onClose}
      position="right"
      size="xl"
      title={t("docs.versions.title")}
      data-testid="docs-versions-panel"
    >
      <Stack gap="md">
        <Notice notice={notice} testId="docs-versions-notice" />
        {doc.abilities.edit && (
          <form onSubmit={(event) => void save(event)}>
            <Group align="flex-end" gap="sm">
              <TextInput
                label={t("docs.versions.name")}
                value={name}
                onChange={(event) => setName(event.currentTarget.value)}
                maxLength={200}
                required
                style={{ flex: 1 }}
                data-testid="docs-version-name"
              />
              <Button type="submit" loading={busy} data-testid="docs-version-save">
                {t("docs.versions.save")}
              </Button>
            </Group>
          </form>
        )}
        {shown ? (
          <VersionDetail
            doc={doc}
            shown={shown}
            onBack={() => setShown(null)}
            onRestored={(version) => {
              setShown(null);
              setNotice({ kind: "success", text: t("docs.versions.restored", { name: version }) });
              void load();
            }}
          />
        ) : versions === null ? (
          <Loader size="sm" role="status" aria-label={t("docs.loading")} />
        ) : versions.length === 0 ? (
          <Text c="dimmed" data-testid="docs-versions-empty">
            {t("docs.versions.empty")}
          </Text>
        ) : (
          <VersionList
            versions={versions}
            canRestore={doc.abilities.createChild}
            onShow={setShown}
          />
        )}
      </Stack>
    </Drawer>
  );
}
