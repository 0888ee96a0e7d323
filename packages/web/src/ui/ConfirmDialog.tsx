import { Button, Group, Modal, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";

interface ConfirmDialogProps {
  /** What is about to happen; null when the dialog is closed. */
  subject: { title: string; text: string; confirm: string } | null;
  busy: boolean;
  onConfirm: () => void;
  onClose: () => void;
  testId: string;
  /** The confirm button's colour: red for what cannot be undone (the default). */
  color?: string;
}

/**
 * Asks before a destructive action. Cancel takes the focus first, so Enter does no harm;
 * Mantine gives the focus back to the button that opened the dialog when it closes.
 */
export function ConfirmDialog({
  subject,
  busy,
  onConfirm,
  onClose,
  testId,
  color = "red",
}: ConfirmDialogProps) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={subject !== null}
      onClose={onClose}
      title={subject?.title}
      closeButtonProps={{ "aria-label": t("app.cancel") }}
      centered
    >
      <Text mb="lg">{subject?.text}</Text>
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose} data-autofocus data-testid={`${testId}-cancel`}>
          {t("app.cancel")}
        </Button>
        <Button color={color} loading={busy} onClick={onConfirm} data-testid={`${testId}-confirm`}>
          {subject?.confirm}
        </Button>
      </Group>
    </Modal>
  );
}
