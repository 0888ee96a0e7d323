import { Button, Stack, Table, Text, Title } from "@mantine/core";
import { useCallback, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { formatTime } from "../account/format";
import { Notice, type NoticeState } from "../account/Notice";
import { ListTable } from "../ui/ListTable";
import { fetchOrphans, type OrphanDocument, recoverOrphan } from "./api";
import { failure } from "./feedback";
import { RecoverDialog } from "./RecoverDialog";

/**
 * Documents nobody owns any more (an owner's account went before docs kept owners): an
 * administrator recovers one for themself or for the account they name, who becomes its owner.
 */
export function DocumentsTab() {
  const { t, i18n } = useTranslation();
  const [documents, setDocuments] = useState<OrphanDocument[] | null>(null);
  const [notice, setNotice] = useState<NoticeState>(null);
  const [chosen, setChosen] = useState<{ document: OrphanDocument; title: string } | null>(null);
  const [busy, setBusy] = useState(false);

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

  async function recover(email: string | undefined) {
    if (!chosen) return;
    const { document, title } = chosen;
    setBusy(true);
    try {
      const owner = await recoverOrphan(document.id, email);
      setChosen(null);
      setNotice({
        kind: "success",
        text: email
          ? t("admin.documents.recoveredFor", { title, email: owner })
          : t("admin.documents.recovered", { title }),
      });
      await load();
    } catch (error) {
      setChosen(null);
      setNotice(failure(t, error));
    } finally {
      setBusy(false);
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
            <Table.Tr key={document.id} data-testid="admin-document" data-document-id={document.id}>
              <Table.Td>{title}</Table.Td>
              <Table.Td>{formatTime(document.updatedAt, i18n.language)}</Table.Td>
              <Table.Td>
                <Button
                  size="compact-sm"
                  variant="light"
                  onClick={() => setChosen({ document, title })}
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
      <RecoverDialog
        title={chosen?.title ?? null}
        busy={busy}
        onRecover={(email) => void recover(email)}
        onClose={() => setChosen(null)}
      />
    </Stack>
  );
}
