import { Card, Group, Text, ThemeIcon } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { AppPresentation } from "../shell/webModule";
import classes from "./AppCard.module.css";

export function AppCard({ app }: { app: AppPresentation }) {
  const { t } = useTranslation();
  const { icon: AppIcon, name, description = t("apps.otherDescription") } = app;
  return (
    <Card
      component="a"
      href={app.path}
      withBorder
      padding="lg"
      className={classes.card}
      data-testid={`app-card-${app.id}`}
    >
      <Group gap="md" wrap="nowrap" align="flex-start">
        <ThemeIcon size={44} radius="md" variant="light" aria-hidden="true">
          <AppIcon size={24} />
        </ThemeIcon>
        <div>
          <Text fw={600} component="h3" fz="md" m={0}>
            {name}
          </Text>
          <Text size="sm" c="dimmed" mt={4}>
            {description}
          </Text>
        </div>
      </Group>
    </Card>
  );
}
