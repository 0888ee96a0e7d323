import { Box, Button, Menu, Text } from "@mantine/core";
import { IconInfoCircle, IconLayoutGrid } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { headerMenuProps } from "./headerMenu";
import type { AppPresentation } from "./webModule";

interface AppSwitcherProps {
  apps: AppPresentation[];
}

export function AppSwitcher({ apps }: AppSwitcherProps) {
  const { t } = useTranslation();
  return (
    <Menu {...headerMenuProps} width={280}>
      <Menu.Target>
        <Button
          variant="default"
          px="sm"
          aria-label={t("apps.switcher")}
          data-testid="app-switcher"
        >
          {/* The label gives way on small screens; the aria-label keeps the name for everyone. */}
          <IconLayoutGrid size={18} aria-hidden="true" />
          <Box component="span" visibleFrom="sm" ml={8}>
            {t("apps.switcher")}
          </Box>
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t("apps.menuHeading")}</Menu.Label>
        {apps.length === 0 ? (
          // An item rather than loose text: inside role="menu", screen readers only read items.
          <Menu.Item
            data-testid="app-switcher-empty"
            leftSection={<IconInfoCircle size={18} aria-hidden="true" />}
          >
            <Text component="span" display="block" size="sm" fw={500}>
              {t("apps.empty")}
            </Text>
            <Text component="span" display="block" size="xs" c="dimmed">
              {t("apps.emptyHint")}
            </Text>
          </Menu.Item>
        ) : (
          apps.map(({ icon: AppIcon, ...app }) => {
            return (
              <Menu.Item
                key={app.id}
                component="a"
                href={app.path}
                data-testid={`app-${app.id}`}
                leftSection={<AppIcon size={18} aria-hidden="true" />}
              >
                {app.name}
              </Menu.Item>
            );
          })
        )}
      </Menu.Dropdown>
    </Menu>
  );
}
