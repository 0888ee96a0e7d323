import {
  Checkbox,
  type CheckboxProps,
  PasswordInput,
  type PasswordInputProps,
  Textarea,
  type TextareaProps,
  TextInput,
  type TextInputProps,
} from "@mantine/core";
import type { ChangeEvent, Ref } from "react";

/*
 * The inputs of the account and admin forms, each bound to its value (`value` and `onValue`)
 * and found by tests through `testId`. Forms usually declare them as data (see Fields).
 */

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
