import { Alert, Button, Paper, PasswordInput, Stack, Text, TextInput, Title } from "@mantine/core";
import { IconAlertCircle } from "@tabler/icons-react";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError, signIn, type User } from "../api/client";
import { useDocumentTitle } from "../shell/useDocumentTitle";

type Failure = "invalidCredentials" | "invalidRequest" | "unavailable";

function failureOf(error: unknown): Failure {
  if (error instanceof ApiError) {
    if (error.code === "invalid_credentials") return "invalidCredentials";
    if (error.code === "invalid_request") return "invalidRequest";
  }
  return "unavailable";
}

interface SignInProps {
  onSignedIn: (user: User) => void;
  /** Set when the session check failed, so the user knows the server may be down. */
  sessionCheckFailed: boolean;
}

export function SignIn({ onSignedIn, sessionCheckFailed }: SignInProps) {
  const { t } = useTranslation();
  useDocumentTitle(t("title.signIn"));
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [submitting, setSubmitting] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSubmitting(true);
    setFailure(null);
    try {
      onSignedIn(await signIn(email.trim(), password));
    } catch (error) {
      setFailure(failureOf(error));
      setSubmitting(false);
    }
  }

  return (
    <Paper withBorder shadow="sm" radius="md" p="xl" w="100%" maw={420} mx="auto" mt="10vh">
      <Stack gap="lg">
        <div>
          <Title order={1} fz="h2">
            {t("auth.heading")}
          </Title>
          <Text c="dimmed" size="sm" mt={6}>
            {t("auth.intro")}
          </Text>
        </div>
        {sessionCheckFailed && !failure && (
          <Alert variant="light" color="gray" icon={<IconAlertCircle aria-hidden="true" />}>
            {t("auth.sessionCheckFailed")}
          </Alert>
        )}
        {failure && (
          <Alert
            role="alert"
            variant="light"
            color="red"
            title={t("auth.errorTitle")}
            icon={<IconAlertCircle aria-hidden="true" />}
            data-testid="sign-in-error"
          >
            {t(`auth.${failure}`)}
          </Alert>
        )}
        <form onSubmit={submit} data-testid="sign-in-form">
          <Stack gap="md">
            <TextInput
              label={t("auth.email")}
              name="email"
              type="email"
              autoComplete="username"
              required
              withAsterisk={false}
              value={email}
              onChange={(event) => setEmail(event.currentTarget.value)}
            />
            <PasswordInput
              label={t("auth.password")}
              name="password"
              autoComplete="current-password"
              required
              withAsterisk={false}
              value={password}
              onChange={(event) => setPassword(event.currentTarget.value)}
              visibilityToggleFocusable
              visibilityToggleButtonProps={{ "aria-label": t("auth.showPassword") }}
            />
            <Button type="submit" fullWidth loading={submitting} mt="xs">
              {t("auth.submit")}
            </Button>
          </Stack>
        </form>
      </Stack>
    </Paper>
  );
}
