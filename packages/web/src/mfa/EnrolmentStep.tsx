import { Button, Code, Image, List, Stack, Text } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError, type User } from "../api/client";
import { ErrorAlert, OneTimeCodeField } from "../ui/CodeFields";
import type { TotpEnrolment } from "./api";
import { type PasskeyFailure, passkeyFailureOf } from "./PasskeyStep";
import {
  confirmTotpForSignIn,
  enrolPasskeyForSignIn,
  enrolTotpForSignIn,
  passkeysSupported,
} from "./passkeyApi";

type View =
  | { name: "choose" }
  | { name: "app"; enrolment: TotpEnrolment }
  | { name: "codes"; user: User; codes: string[] };

type Failure = PasskeyFailure | "mfa.invalidCode" | "auth.tooManyAttempts";

interface EnrolmentStepProps {
  /** The password step's enrolment challenge: it allows enrolling and nothing else. */
  challenge: string;
  onSignedIn: (user: User) => void;
  onExpired: () => void;
}

/**
 * The organisation requires a second factor the account lacks: set one up here, inline,
 * and the sign-in completes with it (a passkey, or an app whose first code is checked).
 */
export function EnrolmentStep({ challenge, onSignedIn, onExpired }: EnrolmentStepProps) {
  const { t } = useTranslation();
  const [view, setView] = useState<View>({ name: "choose" });
  const [code, setCode] = useState("");
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(null);

  async function run(action: () => Promise<void>, failureOf: (e: unknown) => Failure) {
    setBusy(true);
    setFailure(null);
    try {
      await action();
    } catch (error) {
      if (error instanceof ApiError && error.code === "invalid_challenge") return onExpired();
      setFailure(failureOf(error));
    } finally {
      setBusy(false);
    }
  }

  const codeFailure = (error: unknown): Failure =>
    error instanceof ApiError && error.code === "too_many_attempts"
      ? "auth.tooManyAttempts"
      : error instanceof ApiError && error.code === "invalid_credentials"
        ? "mfa.invalidCode"
        : "passkeys.failed";

  const createPasskey = () =>
    run(
      async () => onSignedIn(await enrolPasskeyForSignIn(challenge, t("passkeys.defaultName"))),
      passkeyFailureOf,
    );

  const startApp = () =>
    run(
      async () => setView({ name: "app", enrolment: await enrolTotpForSignIn(challenge) }),
      codeFailure,
    );

  const confirm = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    return run(async () => {
      const { user, recoveryCodes } = await confirmTotpForSignIn(challenge, code.trim());
      setView({ name: "codes", user, codes: recoveryCodes });
    }, codeFailure).finally(() => setCode(""));
  };

  return (
    <Stack gap="md" data-testid="enrolment-step">
      {failure && <ErrorAlert testId="enrolment-error">{t(failure)}</ErrorAlert>}
      {view.name === "choose" && (
        <>
          {passkeysSupported() && (
            <Button
              fullWidth
              loading={busy}
              onClick={() => void createPasskey()}
              data-testid="enrol-passkey"
            >
              {t("passkeys.enrolPasskey")}
            </Button>
          )}
          <Button
            fullWidth
            variant="default"
            disabled={busy}
            onClick={() => void startApp()}
            data-testid="enrol-app"
          >
            {t("passkeys.enrolApp")}
          </Button>
        </>
      )}
      {view.name === "app" && (
        <form onSubmit={confirm}>
          <Stack gap="sm" align="center">
            <Text size="sm">{t("passkeys.enrolAppIntro")}</Text>
            <Image src={view.enrolment.qrDataUrl} alt={t("mfa.qrAlt")} w={180} h={180} />
            <Text size="sm">{t("mfa.manual")}</Text>
            <Code data-testid="enrol-secret" style={{ wordBreak: "break-all" }}>
              {view.enrolment.secret.replace(/(.{4})(?=.)/g, "$1 ")}
            </Code>
            <OneTimeCodeField
              w="100%"
              label={t("mfa.confirmCode")}
              value={code}
              onValue={setCode}
              data-testid="enrol-code"
            />
            <Button type="submit" fullWidth loading={busy} data-testid="enrol-confirm">
              {t("mfa.confirm")}
            </Button>
          </Stack>
        </form>
      )}
      {view.name === "codes" && (
        <Stack gap="sm">
          <Text>{t("mfa.codesIntro")}</Text>
          <List data-testid="enrol-recovery-codes" listStyleType="none" ff="monospace">
            {view.codes.map((c) => (
              <List.Item key={c}>{c}</List.Item>
            ))}
          </List>
          <Button fullWidth onClick={() => onSignedIn(view.user)} data-testid="enrol-continue">
            {t("passkeys.continue")}
          </Button>
        </Stack>
      )}
    </Stack>
  );
}
