import { IconShieldCog } from "@tabler/icons-react";
import type { WebModule } from "../shell/webModule";
import { AdminPage } from "./AdminPage";

export const adminModule: WebModule = {
  id: "admin",
  path: "/admin",
  name: { en: "Administration", fr: "Administration", de: "Verwaltung" },
  icon: IconShieldCog,
  routes: [
    // One route, so moving between sections keeps the page (and the focused tab) mounted;
    // `/admin/<section>` opens that section, one it does not know opens the first.
    { path: "/admin/:section?", render: ({ user }) => <AdminPage user={user} /> },
  ],
};
