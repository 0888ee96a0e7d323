import { Alert, Button, CopyButton, Group, TextInput } from "@mantine/core";
import { IconAlertTriangle } from "@tabler/icons-react";
import type { ReactNode, Ref } from "react";

interface SecretFieldProps {
  label: string;
  value: string;
  copyLabel: string;
  copiedLabel: string;
  testId: string;
  copyTestId: string;
  ref?: Ref<HTMLInputElement>;
}

/** A secret shown once (a token, a client secret): read-only, selected on focus, with Copy. */
export function SecretField({
  label,
  value,
  copyLabel,
  copiedLabel,
  testId,
  copyTestId,
  ref,
}: SecretFieldProps) {
  return (
    <Group align="end" wrap="nowrap">
      <TextInput
        ref={ref}
        label={label}
        readOnly
        value={value}
        style={{ flex: 1 }}
        styles={{ input: { fontFamily: "monospace" } }}
        onFocus={(e) => e.currentTarget.select()}
        data-testid={testId}
      />
      <CopyButton value={value}>
        {({ copied, copy }) => (
          <Button variant="default" onClick={copy} data-testid={copyTestId}>
            {copied ? copiedLabel : copyLabel}
          </Button>
        )}
      </CopyButton>
    </Group>
  );
}

/** What was just created and is shown once (a token, an app's credentials), announced. */
export function ShownOnceAlert({
  title,
  testId,
  children,
}: {
  title: string;
  testId: string;
  children: ReactNode;
}) {
  return (
    <Alert
      role="status"
      color="yellow"
      variant="light"
      icon={<IconAlertTriangle aria-hidden="true" />}
      title={title}
      // Mantine's yellow title is too pale on its light background (WCAG AA contrast).
      styles={{ title: { color: "var(--mantine-color-text)" } }}
      data-testid={testId}
    >
      {children}
    </Alert>
  );
}
