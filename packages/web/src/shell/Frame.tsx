import { AppShell } from "@mantine/core";
import type { ReactNode } from "react";
import { Header, type HeaderAccount } from "./Header";
import { SkipLink } from "./SkipLink";

interface FrameProps {
  account?: HeaderAccount | undefined;
  children: ReactNode;
}

/** The page chrome shared by every screen: skip link, header and the main landmark. */
export function Frame({ account, children }: FrameProps) {
  return (
    <>
      <SkipLink target="main-content" />
      <AppShell header={{ height: 60 }} padding="md">
        <AppShell.Header>
          <Header account={account} />
        </AppShell.Header>
        {/* tabIndex lets the skip link move focus here, not only scroll. */}
        <AppShell.Main id="main-content" tabIndex={-1} bg="var(--tandem-page-background)">
          {children}
        </AppShell.Main>
      </AppShell>
    </>
  );
}
