import { Button, Group, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { formatTime } from "../../account/format";
import type { Version } from "../api/versions";
import type { Shown } from "./VersionsPanel";

export function versionLabel(
  version: Version,
  t: (key: "docs.versions.automatic") => string,
): string {
  return version.name ?? t("docs.versions.automatic");
}

interface VersionListProps {
  versions: Version[];
  canRestore: boolean;
  onShow: (shown: Shown) => void;
}

export function VersionList({ versions, canRestore, onShow }: VersionListProps) {
  const { t, i18n } = useTranslation();
  return (
    <ul style={{ listStyle: "none", margin: 0, padding: 0 }} data-testid="docs-versions-list">
      {versions.map((version) => {
        const name = versionLabel(version, t);
        const when = formatTime(version.createdAt, i18n.language);
        const label = `${name}, ${when}`;
        return (
          <li key={version.id} data-testid="docs-version" data-version-id={version.id}>
            <Stack
              gap={4}
              py="xs"
              style={{ borderBottom: "1px solid var(--mantine-color-default-border)" }}
            >
              <Text fw={version.name ? 600 : 400}>{name}</Text>
              <Text size="sm" c="dimmed">
                {when}
              </Text>
              <Group gap="xs">
                <Button
                  size="compact-sm"
                  variant="light"
                  onClick={() => onShow({ version, mode: "view" })}
                  aria-label={t("docs.versions.viewNamed", { label })}
                  data-testid="docs-version-view"
                >
                  {t("docs.versions.view")}
                </Button>
                <Button
                  size="compact-sm"
                  variant="light"
                  onClick={() => onShow({ version, mode: "diff" })}
                  aria-label={t("docs.versions.compareNamed", { label })}
                  data-testid="docs-version-compare"
                >
                  {t("docs.versions.compare")}
                </Button>
                {canRestore && (
                  <Button
                    size="compact-sm"
                    variant="light"
                    color="orange.9"
                    onClick={() => onShow({ version, mode: "restore" })}
                    aria-label={t("docs.versions.restoreNamed", { label })}
                    data-testid="docs-version-restore"
                  >
                    {t("docs.versions.restore")}
                  </Button>
                )}
              </Group>
            </Stack>
          </li>
        );
      })}
    </ul>
  );
}
