import { Button, Group, PasswordInput, Stack, Text, Title } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { changePassword } from "../api/account";
import { ApiError } from "../api/client";
import { Notice, type NoticeState } from "./Notice";

/** Changing the password: the current one, the new one twice. */
export function PasswordSection() {
  const { t } = useTranslation();
  const [current, setCurrent] = useState("");
  const [next, setNext] = useState("");
  const [repeat, setRepeat] = useState("");
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<NoticeState>(null);
  const mismatch = repeat.length > 0 && next !== repeat;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (next !== repeat) {
      setNotice({ kind: "error", text: t("account.password.mismatch") });
      return;
    }
    setBusy(true);
    try {
      await changePassword(current, next);
      setCurrent("");
      setNext("");
      setRepeat("");
      setNotice({ kind: "success", text: t("account.password.changed") });
    } catch (error) {
      setNotice({ kind: "error", text: passwordFailure(error, t) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="account-password-heading">
      <Title order={2} fz="h3" id="account-password-heading" mb="xs">
        {t("account.password.heading")}
      </Title>
      <Text c="dimmed" mb="md">
        {t("account.password.intro")}
      </Text>
      <form onSubmit={submit} data-testid="password-form">
        <Stack maw={420}>
          <Notice notice={notice} testId="password-notice" />
          <PasswordInput
            label={t("account.password.current")}
            autoComplete="current-password"
            required
            value={current}
            onChange={(e) => setCurrent(e.currentTarget.value)}
            data-testid="password-current"
          />
          <PasswordInput
            label={t("account.password.new")}
            description={t("account.password.rules")}
            autoComplete="new-password"
            required
            minLength={12}
            maxLength={128}
            value={next}
            onChange={(e) => setNext(e.currentTarget.value)}
            data-testid="password-new"
          />
          <PasswordInput
            label={t("account.password.repeat")}
            autoComplete="new-password"
            required
            value={repeat}
            error={mismatch ? t("account.password.mismatch") : undefined}
            onChange={(e) => setRepeat(e.currentTarget.value)}
            data-testid="password-repeat"
          />
          <Group>
            <Button type="submit" loading={busy} data-testid="password-submit">
              {t("account.password.submit")}
            </Button>
          </Group>
        </Stack>
      </form>
    </section>
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
