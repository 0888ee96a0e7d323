import { Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { formatTime } from "../account/format";
import { Notice } from "../account/Notice";
import { ListTable, RowAction } from "../ui/ListTable";
import { Section } from "../ui/Section";
import { useAsyncList, useRowAction } from "../ui/useListActions";
import { type ConsentedApp, fetchConsentedApps, revokeApp } from "./api";
import { ScopeList } from "./ScopeList";

/** "Apps with access" on the account page: third-party apps the user allowed, each revocable. */
export function AppsSection() {
  const { t, i18n } = useTranslation();
  const {
    data: apps,
    load,
    notice,
    setNotice,
  } = useAsyncList(fetchConsentedApps, "account.loadFailed");
  const revoking = useRowAction(setNotice, load);

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
      testId="apps-section"
    >
      <Notice notice={notice} testId="apps-notice" />
      <ListTable
        items={apps}
        empty={t("consent.apps.empty")}
        emptyTestId="apps-empty"
        testId="apps-table"
        minWidth={560}
        columns={[
          t("consent.apps.app"),
          t("consent.apps.access"),
          t("consent.apps.since"),
          t("account.actions"),
        ]}
        row={(app) => (
          <Table.Tr key={app.clientId} data-testid="app-row">
            <Table.Td>
              <Text fw={600}>{app.name}</Text>
              <Text size="sm" c="dimmed">
                {app.hosts.join(", ")}
              </Text>
            </Table.Td>
            <Table.Td>
              <ScopeList scopes={app.scopes} testId="app-scopes" />
            </Table.Td>
            <Table.Td>{formatTime(app.grantedAt, i18n.language)}</Table.Td>
            <Table.Td>
              <RowAction
                label={t("consent.apps.revoke")}
                ariaLabel={t("consent.apps.revokeLabel", { name: app.name })}
                loading={revoking.working === app.clientId}
                onClick={() => revoke(app)}
                testId="app-revoke"
              />
            </Table.Td>
          </Table.Tr>
        )}
      />
    </Section>
  );
}
