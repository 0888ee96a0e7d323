import { Button, Stack, Text } from "@mantine/core";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../api/client";
import { ErrorAlert, OneTimeCodeField, RecoveryCodeList } from "../ui/CodeFields";
import { regenerateRecoveryCodes } from "./api";

type View = { name: "closed" } | { name: "asking" } | { name: "codes"; codes: string[] };

/**
 * Ten new recovery codes for a current app code, the old ones void: for someone who used
 * most of theirs or fears they were seen. The new codes are shown once.
 */
export function RegenerateRecoveryCodes({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const [view, setView] = useState<View>({ name: "closed" });
  const [code, setCode] = useState("");
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState<"mfa.invalidCode" | "auth.tooManyAttempts" | null>(null);
  const codeField = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (view.name === "asking") codeField.current?.focus();
  }, [view.name]);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setBusy(true);
    setFailed(null);
    try {
      setView({ name: "codes", codes: await regenerateRecoveryCodes(code.trim()) });
    } catch (error) {
      const throttled = error instanceof ApiError && error.code === "too_many_attempts";
      setFailed(throttled ? "auth.tooManyAttempts" : "mfa.invalidCode");
      codeField.current?.focus();
    } finally {
      setBusy(false);
      setCode("");
    }
  }

  if (view.name === "closed") {
    return (
      <Button
        variant="default"
        onClick={() => setView({ name: "asking" })}
        data-testid="recovery-regenerate"
      >
        {t("passkeys.regenerate")}
      </Button>
    );
  }
  if (view.name === "codes") {
    return (
      <Stack gap="sm" align="flex-start">
        <Text role="status">{t("passkeys.regenerated")}</Text>
        <Text>{t("mfa.codesIntro")}</Text>
        <RecoveryCodeList codes={view.codes} testId="recovery-codes-new" />
        <Button
          onClick={() => {
            setView({ name: "closed" });
            onDone();
          }}
          data-testid="recovery-regenerated-saved"
        >
          {t("mfa.saved")}
        </Button>
      </Stack>
    );
  }
  return (
    <form onSubmit={submit}>
      <Stack gap="sm" align="flex-start">
        <Text size="sm">{t("passkeys.regenerateIntro")}</Text>
        {failed && <ErrorAlert>{t(failed)}</ErrorAlert>}
        <OneTimeCodeField
          ref={codeField}
          label={t("mfa.code")}
          value={code}
          onValue={setCode}
          data-testid="recovery-regenerate-code"
          maw={220}
        />
        <Button type="submit" loading={busy} data-testid="recovery-regenerate-confirm">
          {t("passkeys.regenerateConfirm")}
        </Button>
      </Stack>
    </form>
  );
}
