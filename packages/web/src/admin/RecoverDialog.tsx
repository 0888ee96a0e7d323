import { Button, Group, Modal, Stack, Text, TextInput } from "@mantine/core";
import { type FormEvent, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";

interface RecoverDialogProps {
  /** The document's title as shown; null when the dialog is closed. */
  title: string | null;
  busy: boolean;
  /** The new owner's e-mail, or undefined for the administrator asking. */
  onRecover: (email: string | undefined) => void;
  onClose: () => void;
}

/**
 * Whom a recovered document goes to: by default the administrator, or the account whose
 * e-mail they type (the person who should have owned it), so no one has to pass it on later.
 */
export function RecoverDialog({ title, busy, onRecover, onClose }: RecoverDialogProps) {
  const { t } = useTranslation();
  const [email, setEmail] = useState("");
  useEffect(() => {
    if (title !== null) setEmail("");
  }, [title]);

  function submit(event: FormEvent) {
    event.preventDefault();
    onRecover(email.trim() || undefined);
  }

  return (
    <Modal
      opened={title !== null}
      onClose={onClose}
      title={t("admin.documents.recoverTitle", { title })}
      closeButtonProps={{ "aria-label": t("admin.cancel") }}
      centered
    >
      <form onSubmit={submit} data-testid="admin-recover-form">
        <Stack gap="md">
          <Text>{t("admin.documents.recoverText")}</Text>
          <TextInput
            type="email"
            label={t("admin.documents.newOwner")}
            description={t("admin.documents.newOwnerHint")}
            value={email}
            onChange={(event) => setEmail(event.currentTarget.value)}
            autoComplete="off"
            data-autofocus
            data-testid="admin-recover-email"
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose} data-testid="admin-recover-cancel">
              {t("admin.cancel")}
            </Button>
            <Button type="submit" loading={busy} data-testid="admin-recover-confirm">
              {t("admin.documents.recover")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
