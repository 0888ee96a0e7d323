import { Anchor, Container, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useDocumentTitle } from "./useDocumentTitle";

/** Any path no module routes: says so and leads home, rather than showing the home page. */
export function NotFound() {
  const { t } = useTranslation();
  useDocumentTitle(t("title.notFound"));
  return (
    <Container size="sm" py="xl" data-testid="not-found">
      <Stack gap="md">
        <Title order={1}>{t("notFound.title")}</Title>
        <Text>{t("notFound.body")}</Text>
        <Anchor component={Link} to="/" data-testid="not-found-home">
          {t("notFound.home")}
        </Anchor>
      </Stack>
    </Container>
  );
}
