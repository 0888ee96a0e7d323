import { Button, Container, Group, Loader, Stack, Text, Title } from "@mantine/core";
import { type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import { useDocumentTitle } from "../../shell/useDocumentTitle";
import { createFromTemplate, type DocSummary } from "../api/documents";
import { Problem } from "../Problem";
import { documentHref, navigate } from "../route";
import { DocumentList, displayTitle } from "./DocumentList";
import { ImportButton } from "./ImportButton";
import { type Loaded, useList } from "./useList";

function Section(props: {
  id: string;
  heading: string;
  empty: string;
  list: Loaded<DocSummary[]>;
  actions?: (document: DocSummary) => ReactNode;
}) {
  const { t } = useTranslation();
  const { list } = props;
  return (
    <section aria-labelledby={`docs-${props.id}-heading`}>
      <Title order={2} fz="h4" id={`docs-${props.id}-heading`} mb="sm">
        {props.heading}
      </Title>
      {list.status === "loading" && (
        <Loader size="sm" role="status" aria-label={t("docs.loading")} />
      )}
      {list.status === "failed" && (
        <Problem text={t("docs.errors.loadFailed")} testId={`docs-${props.id}-error`} />
      )}
      {list.status === "ready" &&
        (list.value.length === 0 ? (
          <Text c="dimmed" data-testid={`docs-${props.id}-empty`}>
            {props.empty}
          </Text>
        ) : (
          <DocumentList
            documents={list.value}
            testId={`docs-${props.id}`}
            actions={props.actions}
          />
        ))}
    </section>
  );
}

/** /docs: favourites, what is shared with me, and templates to start from. */
export function DocsHome() {
  const { t } = useTranslation();
  useDocumentTitle(t("docs.title.home"));
  const favourites = useList("favourites");
  const shared = useList("shared");
  const templates = useList("templates");
  const [templateFailed, setTemplateFailed] = useState(false);

  async function startFromTemplate(template: DocSummary) {
    setTemplateFailed(false);
    try {
      const doc = await createFromTemplate(template.id);
      navigate(documentHref(doc.id));
    } catch {
      setTemplateFailed(true);
    }
  }

  return (
    <Container size="md" px={0}>
      <Stack gap="xl">
        <Group justify="space-between" align="flex-start" wrap="wrap">
          <Title order={1}>{t("docs.home.heading")}</Title>
          <ImportButton />
        </Group>
        <Section
          id="favourites"
          heading={t("docs.home.favourites")}
          empty={t("docs.home.noFavourites")}
          list={favourites.list}
        />
        <Section
          id="shared"
          heading={t("docs.home.shared")}
          empty={t("docs.home.noShared")}
          list={shared.list}
        />
        {templateFailed && (
          <Problem text={t("docs.errors.actionFailed")} testId="docs-template-error" />
        )}
        <Section
          id="templates"
          heading={t("docs.home.templates")}
          empty={t("docs.home.noTemplates")}
          list={templates.list}
          actions={(template) => (
            <Button
              size="compact-sm"
              variant="light"
              onClick={() => void startFromTemplate(template)}
              aria-label={t("docs.home.useTemplateNamed", {
                title: displayTitle(template.title, t("docs.untitled")),
              })}
            >
              {t("docs.home.useTemplate")}
            </Button>
          )}
        />
      </Stack>
    </Container>
  );
}
