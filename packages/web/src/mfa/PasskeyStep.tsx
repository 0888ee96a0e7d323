import { Anchor, Button, Stack } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError, type User } from "../api/client";
import { ErrorAlert } from "../ui/CodeFields";
import { signInWithPasskey, wasCancelled } from "./passkeyApi";

export type PasskeyFailure = "passkeys.cancelled" | "passkeys.refused" | "passkeys.failed";

export function passkeyFailureOf(error: unknown): PasskeyFailure {
  if (wasCancelled(error)) return "passkeys.cancelled";
  if (error instanceof ApiError && error.code === "invalid_passkey") return "passkeys.refused";
  return "passkeys.failed";
}

interface PasskeyStepProps {
  /** The password step's challenge. */
  challenge: string;
  onSignedIn: (user: User) => void;
  /** The challenge expired or was used: the sign-in starts over. */
  onExpired: () => void;
  /** Set when the account also has an authenticator app. */
  onUseCode?: () => void;
}

/** The sign-in's second step with a passkey: the browser asks for it, the server checks it. */
export function PasskeyStep({ challenge, onSignedIn, onExpired, onUseCode }: PasskeyStepProps) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<PasskeyFailure | null>(null);

  async function use() {
    setBusy(true);
    setFailure(null);
    try {
      onSignedIn(await signInWithPasskey(challenge));
    } catch (error) {
      setBusy(false);
      if (error instanceof ApiError && error.code === "invalid_challenge") onExpired();
      else setFailure(passkeyFailureOf(error));
    }
  }

  return (
    <Stack gap="md" data-testid="passkey-step">
      {failure && <ErrorAlert testId="passkey-error">{t(failure)}</ErrorAlert>}
      <Button fullWidth loading={busy} onClick={() => void use()} data-testid="passkey-use">
        {t("passkeys.use")}
      </Button>
      {onUseCode && (
        <Anchor
          component="button"
          type="button"
          size="sm"
          onClick={onUseCode}
          data-testid="mfa-use-code"
        >
          {t("passkeys.useCode")}
        </Anchor>
      )}
    </Stack>
  );
}

/** "Sign in with a passkey" on the e-mail step: a discoverable passkey alone, no password. */
export function PasswordlessSignIn({ onSignedIn }: { onSignedIn: (user: User) => void }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<PasskeyFailure | null>(null);

  async function use() {
    setBusy(true);
    setFailure(null);
    try {
      onSignedIn(await signInWithPasskey());
    } catch (error) {
      setBusy(false);
      setFailure(passkeyFailureOf(error));
    }
  }

  return (
    <Stack gap="xs">
      {failure && <ErrorAlert>{t(failure)}</ErrorAlert>}
      <Button
        variant="default"
        fullWidth
        loading={busy}
        onClick={() => void use()}
        data-testid="passkey-sign-in"
      >
        {t("passkeys.signIn")}
      </Button>
    </Stack>
  );
}
