import { useState } from "react";
import { useTranslation } from "react-i18next";
import { changePassword } from "../api/account";
import { ApiError } from "../api/client";
import { useFormValues } from "../ui/Fields";
import { Form } from "../ui/Form";
import { Section } from "../ui/Section";
import type { NoticeState } from "./Notice";

const password = { kind: "password", required: true } as const;

/** Changing the password: the current one, the new one twice. */
export function PasswordSection() {
  const { t } = useTranslation();
  const form = useFormValues({ current: "", new: "", repeat: "" });
  const { current, new: next, repeat } = form.values;
  const [notice, setNotice] = useState<NoticeState>(null);
  const mismatch = repeat.length > 0 && next !== repeat;

  async function submit() {
    if (next !== repeat) {
      setNotice({ kind: "error", text: t("account.password.mismatch") });
      return;
    }
    await changePassword(current, next);
    form.reset();
    setNotice({ kind: "success", text: t("account.password.changed") });
  }

  return (
    <Section
      id="account-password-heading"
      heading={t("account.password.heading")}
      intro={t("account.password.intro")}
    >
      <Form
        onSubmit={submit}
        onError={(error) => setNotice({ kind: "error", text: passwordFailure(error, t) })}
        submit={{ label: t("account.password.submit"), testId: "password-submit" }}
        testId="password-form"
        notice={notice}
        noticeTestId="password-notice"
        maw={420}
        values={form}
        fields={[
          {
            name: "current",
            label: t("account.password.current"),
            autoComplete: "current-password",
            ...password,
          },
          {
            name: "new",
            label: t("account.password.new"),
            description: t("account.password.rules"),
            autoComplete: "new-password",
            minLength: 12,
            maxLength: 128,
            ...password,
          },
          {
            name: "repeat",
            label: t("account.password.repeat"),
            autoComplete: "new-password",
            error: mismatch ? t("account.password.mismatch") : undefined,
            ...password,
          },
        ]}
      ></Form>
    </Section>
  );
}

function passwordFailure(error: unknown, t: ReturnType<typeof useTranslation>["t"]): string {
  if (error instanceof ApiError) {
    if (error.code === "invalid_credentials") return t("account.password.wrongCurrent");
    if (error.code === "too_many_attempts") return t("auth.tooManyAttempts");
    if (error.code === "invalid_request") {
      // The server's reasons are in English: the known ones are said in the page's language.
      if (/common/.test(error.message)) return t("account.password.tooCommon");
      if (/at least/.test(error.message)) return t("account.password.tooShort");
      if (/at most/.test(error.message)) return t("account.password.tooLong");
      if (/differ/.test(error.message)) return t("account.password.same");
      return t("account.password.refused", { reason: error.message });
    }
  }
  return t("account.failed");
}
