import { Group, Text, UnstyledButton } from "@mantine/core";
import { useTranslation } from "react-i18next";
import classes from "./Logo.module.css";

/** Two linked rings: the people working "in tandem". Same drawing as the favicon. */
function LogoMark() {
  return (
    <svg width="32" height="32" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <rect width="32" height="32" rx="7" fill="var(--mantine-color-blue-9)" />
      <circle cx="12" cy="16" r="6.5" fill="none" stroke="#fff" strokeWidth="2.5" />
      <circle cx="20" cy="16" r="6.5" fill="none" stroke="#fff" strokeWidth="2.5" />
    </svg>
  );
}

export function Logo() {
  const { t } = useTranslation();
  return (
    <UnstyledButton component="a" href="/">
      <Group gap="xs" wrap="nowrap">
        <LogoMark />
        <Text
          component="span"
          fw={700}
          fz="lg"
          c="var(--mantine-color-bright)"
          className={classes.name}
        >
          {t("app.name")}
        </Text>
      </Group>
    </UnstyledButton>
  );
}
