import { Text, TextInput } from "@mantine/core";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { updateDocument } from "../api/documents";
import { announce } from "../events";

const SAVE_AFTER_MS = 600;

interface TitleFieldProps {
  id: string;
  title: string;
  editable: boolean;
}

/**
 * The title, edited in place and saved a moment after typing stops (and on leaving the
 * field), so a rename is one request rather than one per keystroke.
 */
export function TitleField({ id, title, editable }: TitleFieldProps) {
  const { t } = useTranslation();
  const [value, setValue] = useState(title);
  const [failed, setFailed] = useState(false);
  const saved = useRef(title);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const pending = useRef<string | null>(null);

  const save = async () => {
    clearTimeout(timer.current);
    const next = pending.current;
    pending.current = null;
    if (next === null || next === saved.current) return;
    try {
      await updateDocument(id, { title: next });
      saved.current = next;
      setFailed(false);
      announce({ kind: "renamed", id, title: next });
    } catch {
      setFailed(true);
    }
  };
  const saveRef = useRef(save);
  saveRef.current = save;

  // Leaving the page saves what was typed last.
  useEffect(() => () => void saveRef.current(), []);

  if (!editable) {
    return (
      <Text fz="xl" fw={700} data-testid="docs-title-readonly">
        {title.trim() === "" ? t("docs.untitled") : title}
      </Text>
    );
  }

  return (
    <TextInput
      value={value}
      onChange={(event) => {
        const next = event.currentTarget.value;
        setValue(next);
        pending.current = next;
        clearTimeout(timer.current);
        timer.current = setTimeout(() => void saveRef.current(), SAVE_AFTER_MS);
      }}
      onBlur={() => void save()}
      aria-label={t("docs.document.titleLabel")}
      placeholder={t("docs.untitled")}
      maxLength={300}
      variant="unstyled"
      size="xl"
      styles={{ input: { fontWeight: 700 } }}
      error={failed ? t("docs.document.titleFailed") : undefined}
      data-testid="docs-title"
      style={{ flex: 1, minWidth: 200 }}
    />
  );
}
