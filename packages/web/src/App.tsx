import { Alert, MantineProvider } from "@mantine/core";
import { IconAlertCircle } from "@tabler/icons-react";
import { useEffect, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { createBrowserRouter, Outlet, RouterProvider } from "react-router";
import type { User } from "./api/client";
import { useApps } from "./apps/useApps";
import { SignIn } from "./auth/SignIn";
import { useSession } from "./auth/useSession";
import { webModules } from "./modules";
import { Frame } from "./shell/Frame";
import { Loading } from "./shell/Loading";
import { setNavigator } from "./shell/navigation";
import { buildRoutes, ShellContext } from "./shell/router";
import { switcherEntries } from "./shell/webModule";
import { colorSchemeManager, cssVariablesResolver, theme } from "./theme/theme";

interface SignedInProps {
  user: User;
  signOutFailed: boolean;
  onSignOut: () => void;
}

// A component of its own so the app list is fetched only once someone is signed in.
function SignedIn({ user, signOutFailed, onSignOut }: SignedInProps) {
  const { t, i18n } = useTranslation();
  const enabled = useApps();
  const apps = useMemo(
    () => switcherEntries(enabled, webModules, i18n.resolvedLanguage),
    [enabled, i18n.resolvedLanguage],
  );
  const shell = useMemo(() => ({ user, apps }), [user, apps]);
  return (
    <Frame account={{ user, apps, onSignOut }}>
      {signOutFailed && (
        <Alert
          role="alert"
          color="red"
          variant="light"
          icon={<IconAlertCircle aria-hidden="true" />}
          maw={720}
          mx="auto"
        >
          {t("auth.signOutFailed")}
        </Alert>
      )}
      <ShellContext.Provider value={shell}>
        <Outlet />
      </ShellContext.Provider>
    </Frame>
  );
}

/** The layout of every route: signs in first, then shows the page the path names. */
function Screens() {
  const { session, onSignedIn, signOut } = useSession();
  switch (session.status) {
    case "loading":
      return (
        <Frame>
          <Loading />
        </Frame>
      );
    case "signedOut":
      return (
        <Frame>
          <SignIn onSignedIn={onSignedIn} sessionCheckFailed={session.checkFailed} />
        </Frame>
      );
    case "signedIn":
      return (
        <SignedIn
          user={session.user}
          signOutFailed={session.signOutFailed}
          onSignOut={() => void signOut()}
        />
      );
  }
}

export function App() {
  const [router] = useState(() => createBrowserRouter(buildRoutes(webModules, Screens)));
  useEffect(() => {
    setNavigator((href) => void router.navigate(href));
    return () => setNavigator(undefined);
  }, [router]);
  return (
    <MantineProvider
      theme={theme}
      colorSchemeManager={colorSchemeManager}
      defaultColorScheme="auto"
      cssVariablesResolver={cssVariablesResolver}
    >
      <RouterProvider router={router} />
    </MantineProvider>
  );
}
