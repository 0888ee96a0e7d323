import { Button, FileButton, Stack } from "@mantine/core";
import { IconFileImport } from "@tabler/icons-react";
import { type ComponentProps, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../../api/client";
import { IMPORT_ACCEPT, importDocument, importFormatOf } from "../api/exchange";
import { Problem } from "../Problem";
import { documentHref, navigate } from "../route";

/** "Import": a Markdown, Word or OpenDocument file becomes a new document, opened at once. */
export function ImportButton() {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const reset = useRef<() => void>(null);

  async function importFile(file: File | null) {
    if (!file) return;
    // The same file can be chosen again after a failure.
    reset.current?.();
    setProblem(null);
    const format = importFormatOf(file.name);
    if (!format) {
      setProblem(t("docs.exchange.unsupported", { name: file.name }));
      return;
    }
    setBusy(true);
    try {
      const doc = await importDocument(file, format);
      navigate(documentHref(doc.id));
    } catch (error) {
      // The server says why it could not read the file (400); other failures get the general text.
      setProblem(
        error instanceof ApiError && error.status === 400 && error.message
          ? t("docs.exchange.importRefused", { message: error.message })
          : t("docs.exchange.importFailed"),
      );
    } finally {
      setBusy(false);
    }
  }

  return (
    <Stack gap="xs" align="flex-start">
      <FileButton
        onChange={(file) => void importFile(file)}
        accept={IMPORT_ACCEPT}
        resetRef={reset}
        inputProps={{ "data-testid": "docs-import-input" } as ComponentProps<"input">}
      >
        {(props) => (
          <Button
            {...props}
            variant="light"
            loading={busy}
            leftSection={<IconFileImport size={18} aria-hidden="true" />}
            aria-describedby="docs-import-hint"
            data-testid="docs-import"
          >
            {t("docs.exchange.import")}
          </Button>
        )}
      </FileButton>
      <span id="docs-import-hint" hidden>
        {t("docs.exchange.importHint")}
      </span>
      {problem && <Problem text={problem} testId="docs-import-error" />}
    </Stack>
  );
}
