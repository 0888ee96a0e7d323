import {
  Button,
  Checkbox,
  type CheckboxProps,
  Group,
  PasswordInput,
  type PasswordInputProps,
  Stack,
  Textarea,
  type TextareaProps,
  TextInput,
  type TextInputProps,
} from "@mantine/core";
import { type ChangeEvent, type FormEvent, type ReactNode, type Ref, useState } from "react";
import { Notice, type NoticeState } from "../account/Notice";

interface FormProps {
  /** Runs on submit; the submit button shows it is busy until it settles. */
  onSubmit: () => Promise<void> | void;
  /** What to do when `onSubmit` throws (typically: set the notice shown with the form). */
  onError?: (error: unknown) => void;
  submitLabel: string;
  testId: string;
  submitTestId: string;
  /** The outcome shown at the top of the form, announced and focused (see Notice). */
  notice?: NoticeState;
  noticeTestId?: string;
  maw?: number;
  children: ReactNode;
}

/**
 * A form of the account and admin pages: its fields, then a row with the submit button, which
 * is busy while the submission runs; its outcome, when given, is shown above the fields.
 */
export function Form({
  onSubmit,
  onError,
  submitLabel,
  testId,
  submitTestId,
  notice,
  noticeTestId = `${testId}-notice`,
  maw,
  children,
}: FormProps) {
  const [busy, setBusy] = useState(false);
  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    try {
      await onSubmit();
    } catch (error) {
      if (!onError) throw error;
      onError(error);
    } finally {
      setBusy(false);
    }
  }
  return (
    <form onSubmit={(event) => void submit(event)} data-testid={testId}>
      <Stack maw={maw}>
        {notice !== undefined && <Notice notice={notice} testId={noticeTestId} />}
        {children}
        <Group>
          <Button type="submit" loading={busy} data-testid={submitTestId}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

type Bound<P> = Omit<P, "value" | "onChange"> & {
  value: string;
  onValue: (value: string) => void;
  testId: string;
  ref?: Ref<HTMLInputElement>;
};

/** The props that bind an input to a string: its value, its change, its test id. */
const bindText = (value: string, onValue: (value: string) => void, testId: string) => ({
  value,
  onChange: (event: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) =>
    onValue(event.currentTarget.value),
  "data-testid": testId,
});

/** A labelled text field bound to a string; label, description and error come as props. */
export const TextField = ({ value, onValue, testId, ...props }: Bound<TextInputProps>) => (
  <TextInput {...props} {...bindText(value, onValue, testId)} />
);

export const PasswordField = ({ value, onValue, testId, ...props }: Bound<PasswordInputProps>) => (
  <PasswordInput {...props} {...bindText(value, onValue, testId)} />
);

export const TextareaField = ({
  value,
  onValue,
  testId,
  ...props
}: Omit<Bound<TextareaProps>, "ref">) => (
  <Textarea {...props} {...bindText(value, onValue, testId)} />
);

export function CheckField({
  checked,
  onChecked,
  testId,
  ...props
}: Omit<CheckboxProps, "checked" | "onChange"> & {
  checked: boolean;
  onChecked: (checked: boolean) => void;
  testId: string;
}) {
  return (
    <Checkbox
      {...props}
      checked={checked}
      onChange={(event) => onChecked(event.currentTarget.checked)}
      data-testid={testId}
    />
  );
}
