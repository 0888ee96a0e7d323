import { Container, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { User } from "../api/client";
import { useDocumentTitle } from "../shell/useDocumentTitle";
import type { AppPresentation } from "../shell/webModule";
import { AppCard } from "./AppCard";

interface WelcomeProps {
  user: User;
  apps: AppPresentation[];
}

export function Welcome({ user, apps }: WelcomeProps) {
  const { t } = useTranslation();
  useDocumentTitle(t("title.home"));
  return (
    <Container size="md" py="xl">
      <Stack gap="xl">
        <div>
          <Title order={1}>{t("home.welcome", { name: user.name })}</Title>
          <Text c="dimmed" size="lg" mt="xs" data-testid="welcome-hint">
            {apps.length === 0 ? t("home.noApps") : t("home.withApps")}
          </Text>
        </div>
        {apps.length > 0 && (
          <section aria-labelledby="apps-heading">
            <Title order={2} fz="h4" id="apps-heading" mb="md">
              {t("home.appsHeading")}
            </Title>
            <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
              {apps.map((app) => (
                <AppCard key={app.id} app={app} />
              ))}
            </SimpleGrid>
          </section>
        )}
      </Stack>
    </Container>
  );
}
