import { List, ThemeIcon } from "@mantine/core";
import { IconCheck } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import type { Scope } from "./api";

/** What each scope lets an app do, in plain words: the consent page and the account list share it. */
export function ScopeList({ scopes, testId }: { scopes: Scope[]; testId: string }) {
  const { t } = useTranslation();
  return (
    <List
      spacing="xs"
      icon={
        <ThemeIcon size={20} radius="xl" variant="light" aria-hidden="true">
          <IconCheck size={14} />
        </ThemeIcon>
      }
      data-testid={testId}
    >
      {scopes.map((scope) => (
        <List.Item key={scope} data-scope={scope}>
          {t(`consent.scopes.${scope}`)}
        </List.Item>
      ))}
    </List>
  );
}
