import {
  Alert,
  Anchor,
  Box,
  Button,
  Group,
  Loader,
  Paper,
  PasswordInput,
  Stack,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { IconAlertCircle } from "@tabler/icons-react";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError, discover, type User } from "../api/client";
import { type SecondStepMethod, signInWithCode, signInWithPassword } from "../mfa/api";
import { EnrolmentStep } from "../mfa/EnrolmentStep";
import { PasskeyStep, PasswordlessSignIn } from "../mfa/PasskeyStep";
import { passkeysSupported } from "../mfa/passkeyApi";
import { useDocumentTitle } from "../shell/useDocumentTitle";
import { ErrorAlert, OneTimeCodeField } from "../ui/CodeFields";
import { federationTarget } from "./continueTo";
import { looksLikeEmail } from "./email";

type Failure =
  | "auth.invalidCredentials"
  | "auth.invalidRequest"
  | "auth.tooManyAttempts"
  | "auth.unavailable"
  | "mfa.invalidCode"
  | "mfa.challengeExpired";

function failureOf(error: unknown): Failure {
  if (error instanceof ApiError) {
    if (error.code === "invalid_credentials") return "auth.invalidCredentials";
    if (error.code === "invalid_request") return "auth.invalidRequest";
    if (error.code === "too_many_attempts") return "auth.tooManyAttempts";
  }
  return "auth.unavailable";
}

/** The second step's errors: a wrong code is no wrong password. */
function codeFailureOf(error: unknown): Failure {
  if (error instanceof ApiError) {
    if (error.code === "invalid_credentials" || error.code === "invalid_request") {
      return "mfa.invalidCode";
    }
    if (error.code === "invalid_challenge") return "mfa.challengeExpired";
  }
  return failureOf(error);
}

/**
 * Email first: the address decides how the person signs in, with a password here or at the
 * identity provider its domain is bound to (ProConnect, a ministry's Keycloak).
 */
type Step =
  | { name: "email" }
  | { name: "password"; email: string }
  /** The account has an authenticator app: its code, or a recovery code, completes sign-in. */
  | { name: "code"; email: string; challenge: string; recovery: boolean; passkey: boolean }
  /** The account has a passkey (and maybe an app, `methods`): the passkey completes sign-in. */
  | { name: "passkey"; email: string; challenge: string; methods: SecondStepMethod[] }
  /** The organisation requires a second factor the account lacks: enrol one, inline. */
  | { name: "enrol"; email: string; challenge: string }
  | { name: "redirect"; provider: string };

interface SignInProps {
  onSignedIn: (user: User) => void;
  /** Set when the session check failed, so the user knows the server may be down. */
  sessionCheckFailed: boolean;
}

export function SignIn({ onSignedIn, sessionCheckFailed }: SignInProps) {
  const { t } = useTranslation();
  useDocumentTitle(t("title.signIn"));
  const [step, setStep] = useState<Step>({ name: "email" });
  const [email, setEmail] = useState("");
  const [emailInvalid, setEmailInvalid] = useState(false);
  const [password, setPassword] = useState("");
  const [submitting, setSubmitting] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(null);

  const emailRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);
  const [code, setCode] = useState("");
  const codeRef = useRef<HTMLInputElement>(null);
  const statusRef = useRef<HTMLDivElement>(null);
  // Focus follows the step once the user has moved between steps, never on the first render.
  const moved = useRef(false);

  useEffect(() => {
    if (!moved.current) return;
    if (step.name === "email") emailRef.current?.focus();
    else if (step.name === "password") passwordRef.current?.focus();
    else if (step.name === "code") codeRef.current?.focus();
    else statusRef.current?.focus();
  }, [step]);

  // Back from the identity provider, the browser may restore this page as it was left:
  // "Redirecting…" with nothing happening. Start over at the e-mail step instead.
  useEffect(() => {
    const restored = (event: PageTransitionEvent) => {
      if (!event.persisted) return;
      setSubmitting(false);
      setStep({ name: "email" });
    };
    window.addEventListener("pageshow", restored);
    return () => window.removeEventListener("pageshow", restored);
  }, []);

  function go(next: Step, failure: Failure | null = null) {
    moved.current = true;
    setFailure(failure);
    setStep(next);
  }

  function rejectEmail() {
    setEmailInvalid(true);
    emailRef.current?.focus();
  }

  async function continueWithEmail(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const address = email.trim();
    setFailure(null);
    if (!looksLikeEmail(address)) {
      rejectEmail();
      return;
    }
    setSubmitting(true);
    try {
      const method = await discover(address);
      setSubmitting(false);
      if (method.method === "password") {
        setPassword("");
        go({ name: "password", email: address });
        return;
      }
      go({ name: "redirect", provider: method.provider });
      window.location.assign(federationTarget(method.url, window.location.search));
    } catch (error) {
      setSubmitting(false);
      if (error instanceof ApiError && error.status === 400) rejectEmail();
      else setFailure(failureOf(error));
    }
  }

  async function submitPassword(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (step.name !== "password") return;
    setSubmitting(true);
    setFailure(null);
    try {
      const outcome = await signInWithPassword(step.email, password);
      if ("user" in outcome) {
        onSignedIn(outcome.user);
        return;
      }
      setSubmitting(false);
      setPassword("");
      setCode("");
      if ("enrolment" in outcome) {
        go({ name: "enrol", email: step.email, challenge: outcome.enrolment });
      } else if (outcome.methods.includes("passkey") && passkeysSupported()) {
        go({ name: "passkey", email: step.email, ...outcome });
      } else {
        const passkey = outcome.methods.includes("passkey");
        go({
          name: "code",
          email: step.email,
          challenge: outcome.challenge,
          recovery: false,
          passkey,
        });
      }
    } catch (error) {
      setFailure(failureOf(error));
      setSubmitting(false);
      setPassword("");
      passwordRef.current?.focus();
    }
  }

  async function submitCode(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (step.name !== "code") return;
    setSubmitting(true);
    setFailure(null);
    try {
      onSignedIn(await signInWithCode(step.challenge, code.trim()));
    } catch (error) {
      const failure = codeFailureOf(error);
      setSubmitting(false);
      setCode("");
      // The challenge is gone (expired, used): the only way on is to start again.
      if (failure === "mfa.challengeExpired") go({ name: "email" }, failure);
      else {
        setFailure(failure);
        codeRef.current?.focus();
      }
    }
  }

  const intro =
    step.name === "password"
      ? t("auth.passwordIntro")
      : step.name === "code"
        ? t(step.recovery ? "mfa.recoveryIntro" : "mfa.codeIntro")
        : step.name === "passkey"
          ? t("passkeys.stepIntro")
          : step.name === "enrol"
            ? t("passkeys.enrolIntro")
            : t("auth.intro");
  const expired = () => go({ name: "email" }, "mfa.challengeExpired");

  return (
    <Paper withBorder shadow="sm" radius="md" p="xl" w="100%" maw={420} mx="auto" mt="10vh">
      <Stack gap="lg">
        <div>
          <Title order={1} fz="h2">
            {t("auth.heading")}
          </Title>
          <Text c="dimmed" size="sm" mt={6}>
            {intro}
          </Text>
        </div>
        {sessionCheckFailed && !failure && (
          <Alert variant="light" color="gray" icon={<IconAlertCircle aria-hidden="true" />}>
            {t("auth.sessionCheckFailed")}
          </Alert>
        )}
        {failure && (
          <ErrorAlert title={t("auth.errorTitle")} testId="sign-in-error">
            {t(failure)}
          </ErrorAlert>
        )}
        {step.name === "email" && (
          // noValidate: the address is checked here and by the server, with translated messages.
          <form onSubmit={continueWithEmail} noValidate data-testid="sign-in-form">
            <Stack gap="md">
              <TextInput
                ref={emailRef}
                label={t("auth.email")}
                name="email"
                type="email"
                autoComplete="username"
                spellCheck={false}
                required
                withAsterisk={false}
                value={email}
                onChange={(event) => {
                  setEmail(event.currentTarget.value);
                  setEmailInvalid(false);
                }}
                error={emailInvalid ? t("auth.invalidEmail") : undefined}
                errorProps={{ role: "alert" }}
                data-testid="sign-in-email"
              />
              <Button
                type="submit"
                fullWidth
                loading={submitting}
                mt="xs"
                data-testid="sign-in-continue"
              >
                {t("auth.continue")}
              </Button>
            </Stack>
          </form>
        )}
        {step.name === "email" && passkeysSupported() && (
          <PasswordlessSignIn onSignedIn={onSignedIn} />
        )}
        {step.name === "passkey" && (
          <PasskeyStep
            challenge={step.challenge}
            onSignedIn={onSignedIn}
            onExpired={expired}
            onUseCode={
              step.methods.includes("totp")
                ? () => go({ ...step, name: "code", recovery: false, passkey: true })
                : undefined
            }
          />
        )}
        {step.name === "enrol" && (
          <EnrolmentStep challenge={step.challenge} onSignedIn={onSignedIn} onExpired={expired} />
        )}
        {step.name === "password" && (
          <form onSubmit={submitPassword} data-testid="sign-in-form">
            <Stack gap="md">
              <div>
                {/* Kept in the form, read-only, so password managers know the account. */}
                <TextInput
                  label={t("auth.email")}
                  name="email"
                  type="email"
                  autoComplete="username"
                  readOnly
                  value={step.email}
                  variant="filled"
                />
                <Anchor
                  component="button"
                  type="button"
                  size="sm"
                  mt={6}
                  onClick={() => go({ name: "email" })}
                  data-testid="sign-in-change-email"
                >
                  {t("auth.changeEmail")}
                </Anchor>
              </div>
              <PasswordInput
                ref={passwordRef}
                label={t("auth.password")}
                name="password"
                autoComplete="current-password"
                required
                withAsterisk={false}
                value={password}
                onChange={(event) => setPassword(event.currentTarget.value)}
                visibilityToggleFocusable
                visibilityToggleButtonProps={{ "aria-label": t("auth.showPassword") }}
                data-testid="sign-in-password"
              />
              <Button
                type="submit"
                fullWidth
                loading={submitting}
                mt="xs"
                data-testid="sign-in-submit"
              >
                {t("auth.submit")}
              </Button>
            </Stack>
          </form>
        )}
        {step.name === "code" && (
          <form onSubmit={submitCode} data-testid="sign-in-form">
            <Stack gap="md">
              {step.recovery ? (
                <TextInput
                  key="recovery"
                  ref={codeRef}
                  label={t("mfa.recoveryCode")}
                  name="recovery-code"
                  autoComplete="off"
                  autoCapitalize="none"
                  spellCheck={false}
                  required
                  withAsterisk={false}
                  value={code}
                  onChange={(event) => setCode(event.currentTarget.value)}
                  data-testid="mfa-code"
                />
              ) : (
                <OneTimeCodeField
                  key="totp"
                  ref={codeRef}
                  label={t("mfa.code")}
                  value={code}
                  onValue={setCode}
                  data-testid="mfa-code"
                />
              )}
              <Anchor
                component="button"
                type="button"
                size="sm"
                onClick={() => {
                  setCode("");
                  go({ ...step, recovery: !step.recovery });
                }}
                data-testid="mfa-switch"
              >
                {t(step.recovery ? "mfa.useApp" : "mfa.useRecoveryCode")}
              </Anchor>
              {step.passkey && passkeysSupported() && (
                <Anchor
                  component="button"
                  type="button"
                  size="sm"
                  onClick={() => go({ ...step, name: "passkey", methods: ["totp", "passkey"] })}
                  data-testid="mfa-use-passkey"
                >
                  {t("passkeys.usePasskey")}
                </Anchor>
              )}
              <Button type="submit" fullWidth loading={submitting} data-testid="mfa-submit">
                {t("mfa.verify")}
              </Button>
            </Stack>
          </form>
        )}
      </Stack>
      {/* Always present (outside the Stack, so empty it adds no gap): assistive technology
          announces what is put in a live region that already exists. */}
      <Box role="status" ref={statusRef} tabIndex={-1} data-testid="sign-in-status">
        {step.name === "redirect" && (
          <Group gap="sm" wrap="nowrap" mt="lg">
            <Loader size="sm" aria-hidden="true" />
            <Text>{t("auth.redirecting", { provider: step.provider })}</Text>
          </Group>
        )}
      </Box>
    </Paper>
  );
}
