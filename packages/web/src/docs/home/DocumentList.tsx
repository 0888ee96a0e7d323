import { Anchor, Group, List, Text } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { DocSummary } from "../api/documents";
import { documentHref, followLink } from "../route";

interface DocumentListProps {
  documents: DocSummary[];
  testId: string;
  /** Buttons shown after a document's link (restore, use as template…). */
  actions?: (document: DocSummary) => ReactNode;
  /** Trashed documents cannot be opened, so they are shown without a link. */
  linked?: boolean;
}

export function displayTitle(title: string, untitled: string): string {
  return title.trim() === "" ? untitled : title;
}

export function DocumentList({ documents, testId, actions, linked = true }: DocumentListProps) {
  const { t } = useTranslation();
  return (
    <List listStyleType="none" spacing="xs" data-testid={testId}>
      {documents.map((document) => {
        const title = displayTitle(document.title, t("docs.untitled"));
        const href = documentHref(document.id);
        return (
          <List.Item
            key={document.id}
            data-testid={`${testId}-item`}
            data-document-id={document.id}
          >
            <Group gap="sm" wrap="nowrap">
              {linked ? (
                <Anchor href={href} onClick={(event) => followLink(event, href)}>
                  {title}
                </Anchor>
              ) : (
                <Text>{title}</Text>
              )}
              {actions?.(document)}
            </Group>
          </List.Item>
        );
      })}
    </List>
  );
}
