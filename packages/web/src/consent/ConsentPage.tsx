import {
  Alert,
  Button,
  Center,
  Container,
  Group,
  Loader,
  Paper,
  Stack,
  Text,
  Title,
} from "@mantine/core";
import { IconAlertCircle } from "@tabler/icons-react";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Notice, type NoticeState } from "../account/Notice";
import { ApiError } from "../api/client";
import { useDocumentTitle } from "../shell/useDocumentTitle";
import { answerConsent, type ConsentRequest, fetchConsent } from "./api";
import { ScopeList } from "./ScopeList";

type Problem = "missing" | "gone" | "otherAccount" | "failed";

type State =
  | { status: "loading" }
  | { status: "ready"; request: ConsentRequest }
  | { status: "error"; problem: Problem };

/** The provider's interaction this page answers, when the address carries a well-formed one. */
function interactionOf(search: string): string | null {
  const uid = new URLSearchParams(search).get("interaction");
  return uid && /^[A-Za-z0-9_-]{1,64}$/.test(uid) ? uid : null;
}

function problemOf(error: unknown): Problem {
  if (!(error instanceof ApiError)) return "failed";
  if (error.status === 404 || error.status === 409) return "gone";
  if (error.status === 403) return "otherAccount";
  return "failed";
}

/**
 * `/consent?interaction=<uid>`: a third-party app asks to use the account. The provider sends
 * the browser here; the answer goes to the API, and the browser resumes the authorization,
 * which takes it back to the app (with a code, or with access_denied).
 */
export function ConsentPage() {
  const { t } = useTranslation();
  useDocumentTitle(t("consent.pageTitle"));
  const [uid] = useState(() => interactionOf(window.location.search));
  const [state, setState] = useState<State>(() =>
    uid ? { status: "loading" } : { status: "error", problem: "missing" },
  );
  const [answering, setAnswering] = useState<"allow" | "deny" | null>(null);
  const [notice, setNotice] = useState<NoticeState>(null);

  useEffect(() => {
    if (!uid) return;
    let cancelled = false;
    fetchConsent(uid).then(
      (request) => !cancelled && setState({ status: "ready", request }),
      (error: unknown) => !cancelled && setState({ status: "error", problem: problemOf(error) }),
    );
    return () => {
      cancelled = true;
    };
  }, [uid]);

  async function answer(decision: "allow" | "deny") {
    if (!uid) return;
    setAnswering(decision);
    setNotice(null);
    try {
      window.location.assign(await answerConsent(uid, decision));
    } catch (error) {
      setAnswering(null);
      const problem = problemOf(error);
      if (problem === "failed") setNotice({ kind: "error", text: t("consent.failed") });
      else setState({ status: "error", problem });
    }
  }

  if (state.status === "loading") {
    return (
      <Center mih="40vh">
        <Loader role="status" aria-label={t("app.loading")} />
      </Center>
    );
  }
  if (state.status === "error") {
    return (
      <Container size="xs" py="xl">
        <Title order={1} fz="h2" mb="md">
          {t("consent.errorTitle")}
        </Title>
        <Alert
          role="alert"
          color="red"
          variant="light"
          icon={<IconAlertCircle aria-hidden="true" />}
          data-testid="consent-error"
        >
          {t(`consent.${state.problem}`)}
        </Alert>
      </Container>
    );
  }

  const { client, scopes, granted } = state.request;
  return (
    <Container size="xs" py="xl" data-testid="consent-page">
      <Paper withBorder p="xl" radius="md">
        <Stack gap="md">
          <Title order={1} fz="h2">
            {t("consent.heading", { app: client.name })}
          </Title>
          <Text data-testid="consent-redirect">
            {t("consent.redirect", { host: client.redirectHost })}
          </Text>
          <section aria-labelledby="consent-asks">
            <Text id="consent-asks" fw={600} mb="xs">
              {t("consent.asks", { app: client.name })}
            </Text>
            <ScopeList scopes={scopes} testId="consent-scopes" />
          </section>
          {granted.length > 0 && (
            <section aria-labelledby="consent-granted">
              <Text id="consent-granted" fw={600} mb="xs">
                {t("consent.alreadyAllowed")}
              </Text>
              <ScopeList scopes={granted} testId="consent-granted" />
            </section>
          )}
          <Text size="sm" c="dimmed">
            {t("consent.trust")}
          </Text>
          <Notice notice={notice} testId="consent-notice" />
          {answering ? (
            <Text role="status" data-testid="consent-leaving">
              {t("consent.leaving", { app: client.name })}
            </Text>
          ) : null}
          <Group justify="flex-end">
            <Button
              variant="default"
              onClick={() => void answer("deny")}
              loading={answering === "deny"}
              disabled={answering !== null}
              data-testid="consent-deny"
            >
              {t("consent.deny")}
            </Button>
            <Button
              onClick={() => void answer("allow")}
              loading={answering === "allow"}
              disabled={answering !== null}
              data-testid="consent-allow"
            >
              {t("consent.allow")}
            </Button>
          </Group>
        </Stack>
      </Paper>
    </Container>
  );
}
