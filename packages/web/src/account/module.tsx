import { ACCOUNTS_AUDIT_ACTIONS } from "@tandem/accounts/wire";
import { SecurityPage } from "../mfa/SecurityPage";
import type { WebModule } from "../shell/webModule";
import { AccountPage } from "./AccountPage";

export const accountModule: WebModule = {
  id: "account",
  path: "/account",
  name: { en: "Account", fr: "Compte", de: "Konto" },
  auditActions: ACCOUNTS_AUDIT_ACTIONS,
  routes: [
    { path: "/account", render: ({ user }) => <AccountPage user={user} /> },
    // Until the account page mounts SecondFactors, its settings live at /account/security.
    { path: "/account/security", render: () => <SecurityPage /> },
  ],
};
