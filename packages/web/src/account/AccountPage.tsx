import { Anchor, Container, Divider, Paper, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { User } from "../api/client";
import { AppsSection } from "../consent/AppsSection";
import { useDocumentTitle } from "../shell/useDocumentTitle";
import { PasswordSection } from "./PasswordSection";
import { SessionsSection } from "./SessionsSection";
import { TokensSection } from "./TokensSection";

/**
 * `/account`: who is signed in, their password, sessions, personal access tokens and the
 * third-party apps they let in.
 */
export function AccountPage({ user }: { user: User }) {
  const { t } = useTranslation();
  useDocumentTitle(t("account.page.title"));
  return (
    <Container size="md" py="xl" data-testid="account-page">
      <Stack gap="xl">
        <Title order={1}>{t("account.page.heading")}</Title>
        <section aria-labelledby="account-profile-heading">
          <Title order={2} fz="h3" id="account-profile-heading" mb="xs">
            {t("account.page.profile")}
          </Title>
          <Paper withBorder p="md" maw={420}>
            <dl style={{ margin: 0 }}>
              <Text component="dt" size="sm" c="dimmed">
                {t("account.page.name")}
              </Text>
              <Text component="dd" m={0} mb="xs" data-testid="account-name">
                {user.name}
              </Text>
              <Text component="dt" size="sm" c="dimmed">
                {t("account.page.email")}
              </Text>
              <Text component="dd" m={0} data-testid="account-email">
                {user.email}
              </Text>
            </dl>
          </Paper>
        </section>
        <Divider />
        <PasswordSection />
        <section aria-labelledby="account-factors-heading">
          <Title order={2} fz="h3" id="account-factors-heading" mb="xs">
            {t("account.page.factors")}
          </Title>
          <Anchor href="/account/security" data-testid="account-security-link">
            {t("account.page.factorsLink")}
          </Anchor>
        </section>
        <Divider />
        <SessionsSection />
        <Divider />
        <TokensSection />
        <Divider />
        <AppsSection />
      </Stack>
    </Container>
  );
}
