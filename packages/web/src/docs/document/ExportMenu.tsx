import { Button, Menu } from "@mantine/core";
import { IconChevronDown, IconDownload } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { EXPORT_FORMATS, type ExportFormat, exportDocument, saveFile } from "../api/exchange";
import { Problem } from "../Problem";

/** "Export": the document as Markdown, HTML, Word, OpenDocument or PDF, downloaded. */
export function ExportMenu({ id }: { id: string }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState<ExportFormat | null>(null);
  const [failed, setFailed] = useState(false);

  async function download(format: ExportFormat) {
    setBusy(format);
    setFailed(false);
    try {
      const { blob, name } = await exportDocument(id, format);
      saveFile(blob, name);
    } catch {
      setFailed(true);
    } finally {
      setBusy(null);
    }
  }

  return (
    <>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <Button
            variant="light"
            leftSection={<IconDownload size={18} aria-hidden="true" />}
            rightSection={<IconChevronDown size={14} aria-hidden="true" />}
            loading={busy !== null}
            data-testid="docs-export"
          >
            {t("docs.exchange.export")}
          </Button>
        </Menu.Target>
        <Menu.Dropdown aria-label={t("docs.exchange.exportFormats")}>
          {EXPORT_FORMATS.map((format) => (
            <Menu.Item
              key={format}
              onClick={() => void download(format)}
              data-testid={`docs-export-${format}`}
            >
              {t(`docs.exchange.formats.${format}`)}
            </Menu.Item>
          ))}
        </Menu.Dropdown>
      </Menu>
      {failed && <Problem text={t("docs.exchange.exportFailed")} testId="docs-export-error" />}
    </>
  );
}
