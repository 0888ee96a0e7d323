import type { WebModule } from "../shell/webModule";
import { ConsentPage } from "./ConsentPage";

export const consentModule: WebModule = {
  id: "consent",
  path: "/consent",
  name: { en: "Consent", fr: "Consentement", de: "Einwilligung" },
  routes: [{ path: "/consent", render: () => <ConsentPage /> }],
};
