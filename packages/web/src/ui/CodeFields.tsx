import { Alert, List, TextInput, type TextInputProps } from "@mantine/core";
import { IconAlertCircle } from "@tabler/icons-react";
import type { ReactNode, Ref } from "react";

/**
 * A failure in the sign-in and second-factor flows: role=alert, so it is read out as soon as
 * it appears, without taking the focus away from the field the user is typing in.
 */
export function ErrorAlert({
  title,
  testId,
  children,
}: {
  title?: string;
  testId?: string;
  children: ReactNode;
}) {
  return (
    <Alert
      role="alert"
      variant="light"
      color="red"
      title={title}
      icon={<IconAlertCircle aria-hidden="true" />}
      data-testid={testId}
    >
      {children}
    </Alert>
  );
}

type OneTimeCodeFieldProps = Omit<TextInputProps, "value" | "onChange"> & {
  value: string;
  onValue: (code: string) => void;
  ref?: Ref<HTMLInputElement>;
  "data-testid": string;
};

/**
 * A six-digit authenticator code. The name and autocomplete let browsers and password managers
 * offer it, and anything but a digit is dropped as it is typed. No asterisk: the code is the
 * form's only field, so marking it required says nothing.
 */
export function OneTimeCodeField({ value, onValue, ...props }: OneTimeCodeFieldProps) {
  return (
    <TextInput
      name="one-time-code"
      autoComplete="one-time-code"
      inputMode="numeric"
      maxLength={6}
      required
      withAsterisk={false}
      value={value}
      onChange={(event) => onValue(event.currentTarget.value.replace(/\D/g, ""))}
      {...props}
    />
  );
}

/** Freshly issued recovery codes, in two columns so they are easy to copy onto paper. */
export function RecoveryCodeList({ codes, testId }: { codes: string[]; testId: string }) {
  return (
    <List
      data-testid={testId}
      listStyleType="none"
      ff="monospace"
      fz="lg"
      style={{ columns: 2, columnGap: "3rem" }}
    >
      {codes.map((recoveryCode) => (
        <List.Item key={recoveryCode}>{recoveryCode}</List.Item>
      ))}
    </List>
  );
}
