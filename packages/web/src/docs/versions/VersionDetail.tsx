import { Alert, Button, Group, Loader, Stack, Title } from "@mantine/core";
import { IconArrowLeft } from "@tabler/icons-react";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Doc } from "../api/documents";
import {
  type Change,
  fetchDiff,
  fetchVersion,
  restoreVersion,
  type VersionContent,
} from "../api/versions";
import { Problem } from "../Problem";
import { DiffView } from "./DiffView";
import { versionLabel } from "./VersionList";
import type { Shown } from "./VersionsPanel";
import { VersionView } from "./VersionView";

interface VersionDetailProps {
  doc: Doc;
  shown: Shown;
  onBack: () => void;
  onRestored: (name: string) => void;
}

/** One version: its content, its changes up to now, or the confirmation before restoring it. */
export function VersionDetail({ doc, shown, onBack, onRestored }: VersionDetailProps) {
  const { t } = useTranslation();
  const { version, mode } = shown;
  const name = versionLabel(version, t);
  const [content, setContent] = useState<VersionContent | Change[] | null>(null);
  const [failed, setFailed] = useState(false);
  const [busy, setBusy] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);

  // Focus follows the person into the detail, so keyboard and screen-reader users land on it.
  useEffect(() => heading.current?.focus(), []);

  useEffect(() => {
    let cancelled = false;
    setContent(null);
    if (mode === "restore") return;
    const load = mode === "view" ? fetchVersion(doc.id, version.id) : fetchDiff(doc.id, version.id);
    load.then(
      (value) => !cancelled && setContent(value),
      () => !cancelled && setFailed(true),
    );
    return () => {
      cancelled = true;
    };
  }, [doc.id, version.id, mode]);

  async function restore() {
    setBusy(true);
    try {
      await restoreVersion(doc.id, version.id);
      onRestored(name);
    } catch {
      setFailed(true);
      setBusy(false);
    }
  }

  const titles = {
    view: "docs.versions.viewing",
    diff: "docs.versions.comparing",
    restore: "docs.versions.confirmTitle",
  } as const;
  return (
    <Stack gap="sm" data-testid="docs-version-detail">
      <Group>
        <Button
          variant="subtle"
          leftSection={<IconArrowLeft size={16} aria-hidden="true" />}
          onClick={onBack}
          data-testid="docs-version-back"
        >
          {t("docs.versions.back")}
        </Button>
      </Group>
      <Title order={3} fz="h4" ref={heading} tabIndex={-1}>
        {t(titles[mode], { name })}
      </Title>
      {failed && <Problem text={t("docs.errors.actionFailed")} testId="docs-version-error" />}
      {mode === "restore" && (
        <Alert color="orange" variant="light" data-testid="docs-version-confirm">
          <Stack gap="sm">
            {t("docs.versions.confirmText")}
            <Group>
              <Button
                color="orange.9"
                onClick={() => void restore()}
                loading={busy}
                data-testid="docs-version-confirm-restore"
              >
                {t("docs.versions.confirmRestore")}
              </Button>
              <Button variant="default" onClick={onBack}>
                {t("docs.cancel")}
              </Button>
            </Group>
          </Stack>
        </Alert>
      )}
      {mode !== "restore" && !content && !failed && (
        <Loader size="sm" role="status" aria-label={t("docs.loading")} />
      )}
      {content && Array.isArray(content) && <DiffView changes={content} />}
      {content && !Array.isArray(content) && (
        <VersionView state={content.state} label={t("docs.versions.viewing", { name })} />
      )}
    </Stack>
  );
}
