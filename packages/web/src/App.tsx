import { Alert, Center, Loader, MantineProvider } from "@mantine/core";
import { IconAlertCircle } from "@tabler/icons-react";
import { lazy, Suspense } from "react";
import { useTranslation } from "react-i18next";
import { AccountPage } from "./account/AccountPage";
import { AdminPage } from "./admin/AdminPage";
import type { User } from "./api/client";
import { useApps } from "./apps/useApps";
import { SignIn } from "./auth/SignIn";
import { useSession } from "./auth/useSession";
import { ConsentPage } from "./consent/ConsentPage";
import { Welcome } from "./home/Welcome";
import { SecurityPage } from "./mfa/SecurityPage";
import { Frame } from "./shell/Frame";
import { colorSchemeManager, cssVariablesResolver, theme } from "./theme/theme";

// The editor is by far the largest part of the app: it loads only when Docs is opened.
const DocsApp = lazy(() => import("./docs/DocsApp").then((m) => ({ default: m.DocsApp })));

function isDocsPath(pathname: string): boolean {
  return pathname === "/docs" || pathname.startsWith("/docs/");
}

function Loading() {
  const { t } = useTranslation();
  return (
    <Center mih="50vh">
      <Loader role="status" aria-label={t("app.loading")} />
    </Center>
  );
}

interface SignedInProps {
  user: User;
  signOutFailed: boolean;
  onSignOut: () => void;
}

// A component of its own so the app list is fetched only once someone is signed in.
function SignedIn({ user, signOutFailed, onSignOut }: SignedInProps) {
  const { t } = useTranslation();
  const apps = useApps();
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
      {/* Until the account page mounts SecondFactors, its settings live at /account/security. */}
      {/^\/admin(\/|$)/.test(window.location.pathname) ? (
        <AdminPage user={user} />
      ) : window.location.pathname === "/consent" ? (
        <ConsentPage />
      ) : isDocsPath(window.location.pathname) ? (
        <Suspense fallback={<Loading />}>
          <DocsApp user={user} />
        </Suspense>
      ) : window.location.pathname === "/account/security" ? (
        <SecurityPage />
      ) : window.location.pathname === "/account" ? (
        <AccountPage user={user} />
      ) : (
        <Welcome user={user} apps={apps} />
      )}
    </Frame>
  );
}

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
  return (
    <MantineProvider
      theme={theme}
      colorSchemeManager={colorSchemeManager}
      defaultColorScheme="auto"
      cssVariablesResolver={cssVariablesResolver}
    >
      <Screens />
    </MantineProvider>
  );
}
