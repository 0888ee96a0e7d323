import { Badge } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { type AccountSession, endSession, fetchSessions } from "../api/account";
import { ListTable, RowAction } from "../ui/ListTable";
import { Section } from "../ui/Section";
import { useAsyncList, useRowAction } from "../ui/useListActions";
import { formatTime } from "./format";

/** The user's browser sessions; any but the current one can be ended here. */
export function SessionsSection() {
  const { t, i18n } = useTranslation();
  const sessions = useAsyncList(fetchSessions, "account.loadFailed");
  const ending = useRowAction(sessions);

  const when = (ms: number) => formatTime(ms, i18n.language);
  // The current session cannot be ended from here (signing out does that): it is marked.
  const endOrCurrent = (session: AccountSession) =>
    session.current ? (
      <Badge variant="light" color="blue" data-testid="session-current">
        {t("account.sessions.current")}
      </Badge>
    ) : (
      <RowAction
        label={t("account.sessions.end")}
        ariaLabel={t("account.sessions.endLabel", { date: when(session.createdAt) })}
        loading={ending.working === session.id}
        onClick={() => ending.run(session.id, () => endSession(session.id), ended)}
        testId="session-end"
      />
    );
  const ended = () => t("account.sessions.ended");

  return (
    <Section
      id="account-sessions-heading"
      heading={t("account.sessions.heading")}
      intro={t("account.sessions.intro")}
      headingRef={ending.heading}
      notice={sessions.notice}
      noticeTestId="sessions-notice"
    >
      <ListTable
        items={sessions.data}
        testId="sessions-table"
        row={{ key: (session) => session.id, testId: "session-row" }}
        columns={[
          { label: t("account.sessions.signedIn"), cell: (session) => when(session.createdAt) },
          { label: t("account.sessions.lastSeen"), cell: (session) => when(session.lastSeenAt) },
          { label: t("account.sessions.expires"), cell: (session) => when(session.expiresAt) },
          { label: t("account.actions"), cell: (session) => endOrCurrent(session) },
        ]}
      />
    </Section>
  );
}
