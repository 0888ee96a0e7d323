import { Button, Container, Loader, Stack, Text, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Notice, type NoticeState } from "../../account/Notice";
import { useDocumentTitle } from "../../shell/useDocumentTitle";
import { type DocSummary, restoreDocument } from "../api/documents";
import { Problem } from "../Problem";
import { DocumentList, displayTitle } from "./DocumentList";
import { useList } from "./useList";

/** /docs/trash: what the person put in the trash these last 30 days, to restore. */
export function TrashView() {
  const { t } = useTranslation();
  useDocumentTitle(t("docs.title.trash"));
  const { list, reload } = useList("trash");
  const [notice, setNotice] = useState<NoticeState>(null);

  async function restore(document: DocSummary) {
    const title = displayTitle(document.title, t("docs.untitled"));
    try {
      await restoreDocument(document.id);
      setNotice({ kind: "success", text: t("docs.trash.restored", { title }) });
      reload();
    } catch {
      setNotice({ kind: "error", text: t("docs.errors.actionFailed") });
    }
  }

  return (
    <Container size="md" px={0}>
      <Stack gap="md">
        <Title order={1}>{t("docs.trash.heading")}</Title>
        <Text c="dimmed">{t("docs.trash.hint")}</Text>
        <Notice notice={notice} testId="docs-trash-notice" />
        {list.status === "loading" && (
          <Loader size="sm" role="status" aria-label={t("docs.loading")} />
        )}
        {list.status === "failed" && (
          <Problem text={t("docs.errors.loadFailed")} testId="docs-trash-error" />
        )}
        {list.status === "ready" &&
          (list.value.length === 0 ? (
            <Text data-testid="docs-trash-empty">{t("docs.trash.empty")}</Text>
          ) : (
            <DocumentList
              documents={list.value}
              testId="docs-trash"
              linked={false}
              actions={(document) => (
                <Button
                  size="compact-sm"
                  variant="light"
                  onClick={() => void restore(document)}
                  aria-label={t("docs.trash.restoreNamed", {
                    title: displayTitle(document.title, t("docs.untitled")),
                  })}
                  data-testid="docs-trash-restore"
                >
                  {t("docs.trash.restore")}
                </Button>
              )}
            />
          ))}
      </Stack>
    </Container>
  );
}
