import { NativeSelect, Radio, SimpleGrid, type SimpleGridProps, Stack } from "@mantine/core";
import { type Ref, useState } from "react";
import { CheckField, PasswordField, TextareaField, TextField } from "./inputs";

/** A form's values by field name: text for inputs and choices, true or false for a checkbox. */
export type FormValues = Record<string, string | boolean>;

/** One field of a form, as data: which input, its words, its constraints. */
export interface FieldSpec<V extends FormValues> {
  name: keyof V & string;
  label: string;
  /** A text input unless said otherwise; `select` and `radio` take `options`. */
  kind?: "text" | "password" | "textarea" | "select" | "radio" | "check";
  description?: string;
  /** A validation message shown on the field (and marking it invalid). */
  error?: string;
  required?: boolean;
  type?: "email" | "url" | "date";
  minLength?: number;
  maxLength?: number;
  autoComplete?: string;
  /** A textarea's starting height, in rows; it grows with its text. */
  minRows?: number;
  options?: { value: string; label: string }[];
  /** The field's test id, when not `<prefix>-<name in kebab case>` (a radio's: `<prefix>-<value>`). */
  testId?: string;
  ref?: Ref<HTMLInputElement>;
}

/**
 * A form's values in one state: `set` changes one, `reset` puts some (or all) back to their
 * starting value after a submission, so the fields a user may want to keep stay filled.
 */
export function useFormValues<V extends FormValues>(initial: V) {
  const [values, setValues] = useState(initial);
  return {
    values,
    set: <K extends keyof V>(name: K, value: V[K]) =>
      setValues((current) => ({ ...current, [name]: value })),
    reset: (...names: (keyof V)[]) =>
      setValues((current) => {
        const next = { ...current };
        for (const name of names.length > 0 ? names : Object.keys(initial)) {
          next[name] = initial[name] as V[typeof name];
        }
        return next;
      }),
  };
}

export type FormState<V extends FormValues> = ReturnType<typeof useFormValues<V>>;

const kebab = (name: string) => name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);

interface FieldsProps<V extends FormValues> {
  form: FormState<V>;
  fields: FieldSpec<V>[];
  /** Test ids are this, a dash and the field's name in kebab case (`redirectUris`: `-redirect-uris`). */
  testIdPrefix: string;
  /** Side by side from small screens up, in this many columns (or as many as said per size). */
  cols?: number | SimpleGridProps["cols"];
}

/** The fields of a form, from their specs, each bound to its value in `form`. */
export function Fields<V extends FormValues>({ form, fields, testIdPrefix, cols }: FieldsProps<V>) {
  const rendered = fields.map((spec) => (
    <Field key={spec.name} spec={spec} form={form} testIdPrefix={testIdPrefix} />
  ));
  if (!cols) return <>{rendered}</>;
  return (
    <SimpleGrid cols={typeof cols === "number" ? { base: 1, sm: cols } : cols}>
      {rendered}
    </SimpleGrid>
  );
}

function Field<V extends FormValues>({
  spec: { name, kind = "text", options = [], testId, minRows, ref, ...props },
  form,
  testIdPrefix,
}: {
  spec: FieldSpec<V>;
  form: FormState<V>;
  testIdPrefix: string;
}) {
  const id = testId ?? `${testIdPrefix}-${kebab(name)}`;
  const value = form.values[name];
  const text = typeof value === "string" ? value : "";
  const onValue = (next: string) => form.set(name, next as V[typeof name]);
  const bound = { ...props, value: text, onValue, testId: id };
  const input = { ...bound, ref };
  switch (kind) {
    case "password":
      return <PasswordField {...input} />;
    case "textarea":
      return <TextareaField {...bound} autosize minRows={minRows} />;
    case "check":
      return (
        <CheckField
          {...props}
          checked={value === true}
          onChecked={(next) => form.set(name, next as V[typeof name])}
          testId={id}
        />
      );
    case "select":
      return (
        <NativeSelect
          {...props}
          value={text}
          onChange={(e) => onValue(e.currentTarget.value)}
          data={options}
          data-testid={id}
        />
      );
    case "radio":
      return (
        <Radio.Group
          label={props.label}
          description={props.description}
          value={text}
          onChange={onValue}
        >
          <Stack gap="xs" mt="xs">
            {options.map((option) => (
              <Radio
                key={option.value}
                {...option}
                data-testid={`${testIdPrefix}-${option.value}`}
              />
            ))}
          </Stack>
        </Radio.Group>
      );
    default:
      return <TextField {...input} />;
  }
}
