import { Avatar, Badge, Box, Menu, Text, UnstyledButton } from "@mantine/core";
import { IconLogout, IconSettings, IconUserCircle } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import type { User } from "../api/client";
import { headerMenuProps } from "./headerMenu";

interface AccountMenuProps {
  user: User;
  onSignOut: () => void;
}

export function AccountMenu({ user, onSignOut }: AccountMenuProps) {
  const { t } = useTranslation();
  return (
    <Menu {...headerMenuProps} width={260}>
      <Menu.Target>
        <UnstyledButton
          aria-label={t("account.menu", { name: user.name })}
          data-testid="account-menu"
          style={{ borderRadius: "50%" }}
        >
          <Avatar name={user.name} color="blue" variant="filled" radius="xl" size={36} />
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Box px="sm" py="xs">
          <Text size="sm" fw={600} truncate="end">
            {user.name}
          </Text>
          <Text size="xs" c="dimmed" truncate="end">
            {user.email}
          </Text>
          {user.isAdmin && (
            <Badge mt={6} size="sm" variant="light" color="blue">
              {t("account.admin")}
            </Badge>
          )}
        </Box>
        <Menu.Divider />
        <Menu.Item
          component="a"
          href="/account"
          data-testid="account-link"
          leftSection={<IconUserCircle size={16} aria-hidden="true" />}
        >
          {t("account.link")}
        </Menu.Item>
        {user.isAdmin && (
          <Menu.Item
            component="a"
            href="/admin"
            data-testid="admin-link"
            leftSection={<IconSettings size={16} aria-hidden="true" />}
          >
            {t("admin.link")}
          </Menu.Item>
        )}
        <Menu.Item
          data-testid="sign-out"
          leftSection={<IconLogout size={16} aria-hidden="true" />}
          onClick={onSignOut}
        >
          {t("account.signOut")}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
