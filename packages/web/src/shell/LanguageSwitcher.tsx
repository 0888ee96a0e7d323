import { Button, Menu } from "@mantine/core";
import { IconCheck, IconLanguage } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { changeLanguage, isLanguage, type Language, languages } from "../i18n";
import { headerMenuProps } from "./headerMenu";

export function LanguageSwitcher() {
  const { t, i18n } = useTranslation();
  const current: Language = isLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : "en";
  return (
    <Menu {...headerMenuProps} width={180} checkIcon={<IconCheck size={16} aria-hidden="true" />}>
      <Menu.Target>
        <Button
          variant="default"
          px="sm"
          leftSection={<IconLanguage size={18} aria-hidden="true" />}
          aria-label={t("language.change", { language: t(`language.${current}`) })}
          data-testid="language-switcher"
        >
          {current.toUpperCase()}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t("language.label")}</Menu.Label>
        <Menu.RadioGroup
          value={current}
          onChange={(value) => {
            if (isLanguage(value)) void changeLanguage(value);
          }}
        >
          {languages.map((language) => (
            <Menu.RadioItem
              key={language}
              value={language}
              // Each name is written in its own language, so screen readers should voice it so.
              lang={language}
              closeMenuOnClick
              data-testid={`language-${language}`}
            >
              {t(`language.${language}`)}
            </Menu.RadioItem>
          ))}
        </Menu.RadioGroup>
      </Menu.Dropdown>
    </Menu>
  );
}
