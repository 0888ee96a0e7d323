import { Badge, Table } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { endSession, fetchSessions } from "../api/account";
import { ListTable, RowAction } from "../ui/ListTable";
import { Section } from "../ui/Section";
import { useAsyncList, useRowAction } from "../ui/useListActions";
import { formatTime } from "./format";
import { Notice } from "./Notice";

/** The user's browser sessions; any but the current one can be ended here. */
export function SessionsSection() {
  const { t, i18n } = useTranslation();
  const {
    data: sessions,
    load,
    notice,
    setNotice,
  } = useAsyncList(fetchSessions, "account.loadFailed");
  const ending = useRowAction(setNotice, load);

  const when = (ms: number) => formatTime(ms, i18n.language);
  return (
    <Section
      id="account-sessions-heading"
      heading={t("account.sessions.heading")}
      intro={t("account.sessions.intro")}
      headingRef={ending.heading}
    >
      <Notice notice={notice} testId="sessions-notice" />
      <ListTable
        items={sessions}
        testId="sessions-table"
        minWidth={560}
        columns={[
          t("account.sessions.signedIn"),
          t("account.sessions.lastSeen"),
          t("account.sessions.expires"),
          t("account.actions"),
        ]}
        row={(session) => (
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
                <RowAction
                  label={t("account.sessions.end")}
                  ariaLabel={t("account.sessions.endLabel", { date: when(session.createdAt) })}
                  loading={ending.working === session.id}
                  onClick={() =>
                    ending.run(
                      session.id,
                      () => endSession(session.id),
                      () => t("account.sessions.ended"),
                    )
                  }
                  testId="session-end"
                />
              )}
            </Table.Td>
          </Table.Tr>
        )}
      />
    </Section>
  );
}
