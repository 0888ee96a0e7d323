import { Alert } from "@mantine/core";
import { IconAlertCircle } from "@tabler/icons-react";
import type { ReactNode } from "react";

/** A failure announced to screen readers as it appears (role=alert). */
export function Problem({
  text,
  testId,
  icon,
}: {
  text: string;
  testId: string;
  icon?: ReactNode;
}) {
  return (
    <Alert
      role="alert"
      color="red"
      variant="light"
      icon={icon ?? <IconAlertCircle aria-hidden="true" />}
      data-testid={testId}
    >
      {text}
    </Alert>
  );
}
