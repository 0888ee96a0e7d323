import { useCallback, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { formatTime } from "../account/format";
import type { NoticeState } from "../account/Notice";
import { ListTable } from "../ui/ListTable";
import { Panel } from "../ui/Panel";
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

  const titleOf = (document: OrphanDocument) => document.title || t("admin.documents.untitled");

  return (
    <Panel
      heading={t("admin.documents.heading")}
      intro={t("admin.documents.intro")}
      notice={notice}
      noticeTestId="admin-documents-notice"
    >
      <ListTable
        items={documents}
        empty={t("admin.documents.empty")}
        emptyTestId="admin-documents-empty"
        testId="admin-documents"
        caption={t("admin.documents.caption")}
        row={{
          key: (document) => document.id,
          testId: "admin-document",
          data: (document) => ({ "data-document-id": document.id }),
        }}
        columns={[
          { label: t("admin.documents.title"), cell: titleOf },
          {
            label: t("admin.documents.updated"),
            cell: (document) => formatTime(document.updatedAt, i18n.language),
          },
        ]}
        actions={(document) => [
          {
            label: t("admin.documents.recover"),
            ariaLabel: t("admin.documents.recoverLabel", { title: titleOf(document) }),
            onClick: () => setChosen({ document, title: titleOf(document) }),
            testId: "admin-document-recover",
          },
        ]}
      />
      <RecoverDialog
        title={chosen?.title ?? null}
        busy={busy}
        onRecover={(email) => void recover(email)}
        onClose={() => setChosen(null)}
      />
    </Panel>
  );
}
