import { Badge, Button, Table, Text, Title } from "@mantine/core";
import { useCallback, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { type AccountSession, endSession, fetchSessions } from "../api/account";
import { formatTime } from "./format";
import { Notice, type NoticeState } from "./Notice";

/** The user's browser sessions; any but the current one can be ended here. */
export function SessionsSection() {
  const { t, i18n } = useTranslation();
  const [sessions, setSessions] = useState<AccountSession[] | null>(null);
  const [notice, setNotice] = useState<NoticeState>(null);
  const [ending, setEnding] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  const load = useCallback(async () => {
    try {
      setSessions(await fetchSessions());
    } catch {
      setNotice({ kind: "error", text: t("account.loadFailed") });
    }
  }, [t]);

  useEffect(() => {
    void load();
  }, [load]);

  async function end(session: AccountSession) {
    setEnding(session.id);
    try {
      await endSession(session.id);
      setNotice({ kind: "success", text: t("account.sessions.ended") });
      await load();
    } catch {
      setNotice({ kind: "error", text: t("account.failed") });
      heading.current?.focus();
    } finally {
      setEnding(null);
    }
  }

  const when = (ms: number) => formatTime(ms, i18n.language);
  return (
    <section aria-labelledby="account-sessions-heading">
      <Title order={2} fz="h3" id="account-sessions-heading" ref={heading} tabIndex={-1} mb="xs">
        {t("account.sessions.heading")}
      </Title>
      <Text c="dimmed" mb="md">
        {t("account.sessions.intro")}
      </Text>
      <Notice notice={notice} testId="sessions-notice" />
      {sessions && (
        <Table.ScrollContainer minWidth={560}>
          <Table data-testid="sessions-table" verticalSpacing="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t("account.sessions.signedIn")}</Table.Th>
                <Table.Th scope="col">{t("account.sessions.lastSeen")}</Table.Th>
                <Table.Th scope="col">{t("account.sessions.expires")}</Table.Th>
                <Table.Th scope="col">{t("account.actions")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {sessions.map((session) => (
                <Table.Tr key={session.id} data-testid="session-row">
                  <Table.Td>{when(session.createdAt)}</Table.Td>
                  <Table.Td>{when(session.lastSeenAt)}</Table.Td>
                  <Table.Td>{when(session.expiresAt)}</Table.Td>
                  <Table.Td>
                    {session.current ? (
                      <Badge variant="light" color="blue" data-testid="session-current">
                        {t("account.sessions.current")}
                      </Badge>
                    ) : (
                      <Button
                        size="xs"
                        variant="default"
                        loading={ending === session.id}
                        aria-label={t("account.sessions.endLabel", {
                          date: when(session.createdAt),
                        })}
                        onClick={() => void end(session)}
                        data-testid="session-end"
                      >
                        {t("account.sessions.end")}
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </section>
  );
}
