import type { AccountsModule } from "@tandem/accounts";
import { createDocsModule } from "@tandem/docs";
import { createIdentityModule } from "@tandem/identity";

/**
 * The modules this build of Tandem contains, in registration order; new instances for
 * each start, since a module keeps what it started (tests run several Tandems in one process).
 * A new module is one line here (and its web entry one import in packages/web/src/modules.ts).
 */
export function createModules(): AccountsModule[] {
  return [createIdentityModule(), createDocsModule()];
}
