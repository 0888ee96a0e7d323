import { Button, Code, Group, Image, Loader, Paper, Stack, Text, Title } from "@mantine/core";
import { type FormEvent, useCallback, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../api/client";
import { ErrorAlert, OneTimeCodeField, RecoveryCodeList } from "../ui/CodeFields";
import {
  confirmTotp,
  disableTotp,
  enrolTotp,
  fetchMfaStatus,
  type MfaStatus,
  type TotpEnrolment,
} from "./api";
import { RegenerateRecoveryCodes } from "./RegenerateRecoveryCodes";

type View =
  | { name: "loading" }
  | { name: "loadFailed" }
  | { name: "status"; status: MfaStatus }
  | { name: "enrolling"; enrolment: TotpEnrolment }
  | { name: "codes"; codes: string[] };

type Failure = "mfa.invalidCode" | "auth.tooManyAttempts" | "mfa.failed";

function failureOf(error: unknown): Failure {
  if (error instanceof ApiError) {
    if (error.code === "invalid_credentials" || error.code === "invalid_request") {
      return "mfa.invalidCode";
    }
    if (error.code === "too_many_attempts") return "auth.tooManyAttempts";
  }
  return "mfa.failed";
}

interface SecondFactorsProps {
  /** 1 on a page of its own, 2 inside the account page. */
  headingOrder?: 1 | 2;
}

/**
 * The signed-in user's second factors: sets up an authenticator app (QR code, or the key
 * typed in), confirms it with a first code, shows the recovery codes once, turns it off.
 */
export function SecondFactors({ headingOrder = 2 }: SecondFactorsProps) {
  const { t, i18n } = useTranslation();
  const [view, setView] = useState<View>({ name: "loading" });
  const [code, setCode] = useState("");
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [announcement, setAnnouncement] = useState("");
  const stepHeading = useRef<HTMLHeadingElement>(null);
  const codeField = useRef<HTMLInputElement>(null);
  // Focus follows the view once the user has acted, never on the first render.
  const moved = useRef(false);

  const load = useCallback(async () => {
    try {
      setView({ name: "status", status: await fetchMfaStatus() });
    } catch {
      setView({ name: "loadFailed" });
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  useEffect(() => {
    if (moved.current && view.name !== "loading") stepHeading.current?.focus();
  }, [view.name]);

  function show(next: View, message = "") {
    moved.current = true;
    setFailure(null);
    setCode("");
    setAnnouncement(message);
    setView(next);
  }

  async function run(action: () => Promise<void>) {
    setBusy(true);
    setFailure(null);
    try {
      await action();
    } catch (error) {
      setFailure(failureOf(error));
      setCode("");
      codeField.current?.focus();
    } finally {
      setBusy(false);
    }
  }

  const startEnrolment = () =>
    run(async () => show({ name: "enrolling", enrolment: await enrolTotp() }));

  const confirm = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    return run(async () =>
      show({ name: "codes", codes: await confirmTotp(code.trim()) }, t("mfa.enabled")),
    );
  };

  const turnOff = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    return run(async () => {
      await disableTotp(code.trim());
      show({ name: "status", status: await fetchMfaStatus() }, t("mfa.disabled"));
    });
  };

  const finish = () => run(async () => show({ name: "status", status: await fetchMfaStatus() }));

  const codeInput = (label: string, testId: string) => (
    <OneTimeCodeField
      ref={codeField}
      label={label}
      value={code}
      onValue={setCode}
      data-testid={testId}
      maw={220}
    />
  );

  const heading = (text: string) => (
    <Title order={(headingOrder + 1) as 2 | 3} fz="h4" ref={stepHeading} tabIndex={-1}>
      {text}
    </Title>
  );

  return (
    <Paper withBorder radius="md" p="xl" maw={720} mx="auto" data-testid="second-factors">
      <Stack gap="md">
        <Title order={headingOrder} fz="h3">
          {t("mfa.heading")}
        </Title>
        <Text c="dimmed">{t("mfa.intro")}</Text>
        {failure && (
          <ErrorAlert title={t("mfa.errorTitle")} testId="mfa-error">
            {t(failure)}
          </ErrorAlert>
        )}
        {view.name === "loading" && <Loader size="sm" aria-label={t("app.loading")} />}
        {view.name === "loadFailed" && <ErrorAlert>{t("mfa.loadFailed")}</ErrorAlert>}
        {view.name === "status" && (
          <Stack gap="sm" data-testid="mfa-status">
            {heading(
              view.status.totp.enabled && view.status.totp.confirmedAt !== null
                ? t("mfa.statusOn", {
                    date: new Date(view.status.totp.confirmedAt).toLocaleDateString(i18n.language, {
                      dateStyle: "long",
                    }),
                  })
                : t("mfa.statusOff"),
            )}
            {view.status.totp.enabled ? (
              <>
                <Text>{t("mfa.recoveryLeft", { number: view.status.recoveryCodesLeft })}</Text>
                <RegenerateRecoveryCodes onDone={() => void finish()} />
                <form onSubmit={turnOff}>
                  <Stack gap="sm" align="flex-start">
                    <Text size="sm">{t("mfa.turnOffIntro")}</Text>
                    {codeInput(t("mfa.code"), "totp-disable-code")}
                    <Button
                      type="submit"
                      color="red"
                      variant="light"
                      loading={busy}
                      data-testid="totp-disable"
                    >
                      {t("mfa.turnOffConfirm")}
                    </Button>
                  </Stack>
                </form>
              </>
            ) : (
              <Group>
                <Button
                  onClick={() => void startEnrolment()}
                  loading={busy}
                  data-testid="totp-enrol"
                >
                  {t("mfa.setUp")}
                </Button>
              </Group>
            )}
          </Stack>
        )}
        {view.name === "enrolling" && (
          <form onSubmit={confirm}>
            <Stack gap="sm" align="flex-start">
              {heading(t("mfa.setUp"))}
              <Text>{t("mfa.scan")}</Text>
              <Image
                src={view.enrolment.qrDataUrl}
                alt={t("mfa.qrAlt")}
                w={200}
                h={200}
                data-testid="totp-qr"
              />
              <Text size="sm">{t("mfa.manual")}</Text>
              <Code fz="md" data-testid="totp-secret" style={{ wordBreak: "break-all" }}>
                {view.enrolment.secret.replace(/(.{4})(?=.)/g, "$1 ")}
              </Code>
              {codeInput(t("mfa.confirmCode"), "totp-confirm-code")}
              <Group>
                <Button type="submit" loading={busy} data-testid="totp-confirm">
                  {t("mfa.confirm")}
                </Button>
                <Button variant="default" onClick={() => void finish()} disabled={busy}>
                  {t("mfa.cancel")}
                </Button>
              </Group>
            </Stack>
          </form>
        )}
        {view.name === "codes" && (
          <Stack gap="sm" align="flex-start">
            {heading(t("mfa.codesHeading"))}
            <Text>{t("mfa.codesIntro")}</Text>
            <RecoveryCodeList codes={view.codes} testId="recovery-codes" />
            <Button onClick={() => void finish()} loading={busy} data-testid="recovery-codes-saved">
              {t("mfa.saved")}
            </Button>
          </Stack>
        )}
        {/* Always present: assistive technology announces what is put in an existing live region. */}
        <Text role="status" size="sm" data-testid="mfa-announcement">
          {announcement}
        </Text>
      </Stack>
    </Paper>
  );
}
