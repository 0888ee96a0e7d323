import type { WebModule } from "../shell/webModule";
import { Welcome } from "./Welcome";

export const homeModule: WebModule = {
  id: "home",
  path: "/",
  name: { en: "Home", fr: "Accueil", de: "Startseite" },
  routes: [{ path: "/", render: ({ user, apps }) => <Welcome user={user} apps={apps} /> }],
};
