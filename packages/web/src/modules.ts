import { accountModule } from "./account/module";
import { adminModule } from "./admin/module";
import { consentModule } from "./consent/module";
import { docsModule } from "./docs/module";
import { homeModule } from "./home/module";
import type { WebModule } from "./shell/webModule";

/**
 * The web side of every module in this build: the shell routes their pages and presents the
 * apps the server enables with these entries. A new module adds its entry here (one import).
 */
export const webModules: readonly WebModule[] = [
  homeModule,
  accountModule,
  adminModule,
  consentModule,
  docsModule,
];
