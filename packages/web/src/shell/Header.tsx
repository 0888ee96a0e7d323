import { Group } from "@mantine/core";
import type { User } from "../api/client";
import { AccountMenu } from "./AccountMenu";
import { AppSwitcher } from "./AppSwitcher";
import { LanguageSwitcher } from "./LanguageSwitcher";
import { Logo } from "./Logo";
import { ThemeToggle } from "./ThemeToggle";
import type { AppPresentation } from "./webModule";

/** What only a signed-in person sees in the header. */
export interface HeaderAccount {
  user: User;
  apps: AppPresentation[];
  onSignOut: () => void;
}

interface HeaderProps {
  account?: HeaderAccount | undefined;
}

export function Header({ account }: HeaderProps) {
  return (
    <Group h="100%" px="md" justify="space-between" wrap="nowrap">
      <Logo />
      <Group gap="xs" wrap="nowrap">
        {account && <AppSwitcher apps={account.apps} />}
        <LanguageSwitcher />
        <ThemeToggle />
        {account && <AccountMenu user={account.user} onSignOut={account.onSignOut} />}
      </Group>
    </Group>
  );
}
