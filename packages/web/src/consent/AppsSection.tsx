import { Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { formatTime } from "../account/format";
import { ListTable } from "../ui/ListTable";
import { Section } from "../ui/Section";
import { useAsyncList, useRowAction } from "../ui/useListActions";
import { type ConsentedApp, fetchConsentedApps, revokeApp } from "./api";
import { ScopeList } from "./ScopeList";

/** "Apps with access" on the account page: third-party apps the user allowed, each revocable. */
export function AppsSection() {
  const { t, i18n } = useTranslation();
  const apps = useAsyncList(fetchConsentedApps, "account.loadFailed");
  const revoking = useRowAction(apps);

  const revoke = (app: ConsentedApp) =>
    revoking.run(
      app.clientId,
      () => revokeApp(app.clientId),
      () => t("consent.apps.revoked", { name: app.name }),
    );

  return (
    <Section
      id="account-apps-heading"
      heading={t("consent.apps.heading")}
      intro={t("consent.apps.intro")}
      headingRef={revoking.heading}
      notice={apps.notice}
      noticeTestId="apps-notice"
      testId="apps-section"
    >
      <ListTable
        items={apps.data}
        empty={t("consent.apps.empty")}
        emptyTestId="apps-empty"
        testId="apps-table"
        row={{ key: (app) => app.clientId, testId: "app-row" }}
        columns={[
          { label: t("consent.apps.app"), cell: (app) => <AppName app={app} /> },
          {
            label: t("consent.apps.access"),
            cell: (app) => <ScopeList scopes={app.scopes} testId="app-scopes" />,
          },
          {
            label: t("consent.apps.since"),
            cell: (app) => formatTime(app.grantedAt, i18n.language),
          },
        ]}
        actions={(app) => [
          {
            label: t("consent.apps.revoke"),
            ariaLabel: t("consent.apps.revokeLabel", { name: app.name }),
            loading: revoking.working === app.clientId,
            onClick: () => revoke(app),
            testId: "app-revoke",
          },
        ]}
      />
    </Section>
  );
}

/** The app's name, and under it the hosts it sends its users back to. */
function AppName({ app }: { app: ConsentedApp }) {
  return (
    <>
      <Text fw={600}>{app.name}</Text>
      <Text size="sm" c="dimmed">
        {app.hosts.join(", ")}
      </Text>
    </>
  );
}
