import { IDENTITY_AUDIT_ACTIONS } from "@tandem/identity/wire";
import type { WebModule } from "../shell/webModule";
import { AdminPage } from "./AdminPage";

export const adminModule: WebModule = {
  id: "admin",
  path: "/admin",
  name: { en: "Administration", fr: "Administration", de: "Verwaltung" },
  // The administration screens manage identity's apps, providers and organisations.
  auditActions: IDENTITY_AUDIT_ACTIONS,
  routes: [
    // One route, so moving between sections keeps the page (and the focused tab) mounted;
    // `/admin/<section>` opens that section, one it does not know opens the first.
    { path: "/admin/:section?", render: ({ user }) => <AdminPage user={user} /> },
  ],
};
