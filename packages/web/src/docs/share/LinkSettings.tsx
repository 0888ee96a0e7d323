import { NativeSelect, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { NoticeState } from "../../account/Notice";
import {
  type Doc,
  LINK_REACHES,
  LINK_ROLES,
  type LinkReach,
  type LinkRole,
  updateDocument,
} from "../api/documents";

interface LinkSettingsProps {
  doc: Doc;
  onChanged: (doc: Doc) => void;
  onNotice: (notice: NoticeState) => void;
}

/** Who the document's link lets in, and with which role; saved as soon as it changes. */
export function LinkSettings({ doc, onChanged, onNotice }: LinkSettingsProps) {
  const { t } = useTranslation();

  async function save(change: { linkReach?: LinkReach; linkRole?: LinkRole }) {
    try {
      onChanged(await updateDocument(doc.id, change));
      onNotice({ kind: "success", text: t("docs.share.linkSaved") });
    } catch {
      onNotice({ kind: "error", text: t("docs.errors.actionFailed") });
    }
  }

  return (
    <section aria-labelledby="docs-share-link">
      <Title order={3} fz="h5" id="docs-share-link" mb="xs">
        {t("docs.share.link")}
      </Title>
      <Stack gap="sm">
        <NativeSelect
          label={t("docs.share.linkReach")}
          value={doc.linkReach}
          onChange={(event) => void save({ linkReach: event.currentTarget.value as LinkReach })}
          data={LINK_REACHES.map((reach) => ({ value: reach, label: t(`docs.reach.${reach}`) }))}
          data-testid="docs-link-reach"
        />
        <NativeSelect
          label={t("docs.share.linkRole")}
          value={doc.linkRole}
          disabled={doc.linkReach === "restricted"}
          onChange={(event) => void save({ linkRole: event.currentTarget.value as LinkRole })}
          data={LINK_ROLES.map((role) => ({ value: role, label: t(`docs.roles.${role}`) }))}
          data-testid="docs-link-role"
        />
        <Text size="sm" c="dimmed">
          {t(`docs.reachHint.${doc.linkReach}`)}
        </Text>
      </Stack>
    </section>
  );
}
