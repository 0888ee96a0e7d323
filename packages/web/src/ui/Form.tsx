import { Button, Group, Stack } from "@mantine/core";
import { type FormEvent, type ReactNode, useState } from "react";
import { Notice, type NoticeState } from "../account/Notice";
import { type FieldSpec, Fields, type FormState, type FormValues } from "./Fields";

interface FormProps<V extends FormValues> {
  /** Runs on submit; the submit button shows it is busy until it settles. */
  onSubmit: () => Promise<void> | void;
  /** What to do when `onSubmit` throws (typically: set the notice shown with the form). */
  onError?: (error: unknown) => void;
  submit: { label: string; testId: string };
  /** The form's test id; its fields' are this without `-form`, a dash and their name. */
  testId: string;
  /** The fields, as data, bound to their values in `values` (children come after them). */
  values?: FormState<V>;
  fields?: FieldSpec<V>[];
  /** The fields side by side from small screens up, in this many columns. */
  cols?: number;
  /** The outcome shown at the top of the form, announced and focused (see Notice). */
  notice?: NoticeState;
  noticeTestId?: string;
  maw?: number;
  /** Busy for another reason too (another request of the page that this one must not race). */
  busy?: boolean;
  children?: ReactNode;
}

/**
 * A form of the account and admin pages: its fields, then a row with the submit button, which
 * is busy while the submission runs; its outcome, when given, is shown above the fields.
 */
export function Form<V extends FormValues>({
  onSubmit,
  onError,
  submit: { label: submitLabel, testId: submitTestId },
  testId,
  values,
  fields = [],
  cols,
  notice,
  noticeTestId = `${testId}-notice`,
  maw,
  busy: othersBusy = false,
  children,
}: FormProps<V>) {
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
        {values && (
          <Fields
            form={values}
            fields={fields}
            testIdPrefix={testId.replace(/-form$/, "")}
            cols={cols}
          />
        )}
        {children}
        <Group>
          <Button type="submit" loading={busy || othersBusy} data-testid={submitTestId}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
