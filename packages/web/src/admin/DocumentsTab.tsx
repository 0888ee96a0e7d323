import { Button, Stack, Table, Text, Title } from "@mantine/core";
import { useCallback, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { formatTime } from "../account/format";
import { Notice, type NoticeState } from "../account/Notice";
import { ListTable } from "../ui/ListTable";
import { fetchOrphans, type OrphanDocument, recoverOrphan } from "./api";

/**
 * Documents nobody owns any more (an owner's account went before docs kept owners): an
 * administrator recovers one by becoming its owner, then shares it as it should be.
 */
export function DocumentsTab() {
  const { t, i18n } = useTranslation();
  const [documents, setDocuments] = useState<OrphanDocument[] | null>(null);
  const [notice, setNotice] = useState<NoticeState>(null);

  const load = useCallback(async () => {
    try {
      setDocuments(await fetchOrphans());
    } catch {
      setNotice({ kind: "error", text: t("admin.loadFailed") });
    }
  }, [t]);

  useEffect(() => {
    void load();
  }, [load]);

  async function recover(document: OrphanDocument, title: string) {
    try {
      await recoverOrphan(document.id);
      setNotice({ kind: "success", text: t("admin.documents.recovered", { title }) });
      await load();
    } catch {
      setNotice({ kind: "error", text: t("admin.documents.recoverFailed", { title }) });
    }
  }

  return (
    <Stack gap="lg">
      <Title order={2} fz="h3">
        {t("admin.documents.heading")}
      </Title>
      <Text>{t("admin.documents.intro")}</Text>
      <Notice notice={notice} testId="admin-documents-notice" />
      <ListTable
        items={documents}
        empty={t("admin.documents.empty")}
        emptyTestId="admin-documents-empty"
        testId="admin-documents"
        minWidth={480}
        caption={t("admin.documents.caption")}
        columns={[t("admin.documents.title"), t("admin.documents.updated"), t("admin.actions")]}
        row={(document) => {
          const title = document.title || t("admin.documents.untitled");
          return (
            <Table.Tr key={document.id} data-testid="admin-document">
              <Table.Td>{title}</Table.Td>
              <Table.Td>{formatTime(document.updatedAt, i18n.language)}</Table.Td>
              <Table.Td>
                <Button
                  size="compact-sm"
                  variant="light"
                  onClick={() => void recover(document, title)}
                  aria-label={t("admin.documents.recoverLabel", { title })}
                  data-testid="admin-document-recover"
                >
                  {t("admin.documents.recover")}
                </Button>
              </Table.Td>
            </Table.Tr>
          );
        }}
      />
    </Stack>
  );
}
