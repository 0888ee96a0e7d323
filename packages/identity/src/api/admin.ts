import type { AccountsContext } from "@tandem/accounts";
import type { ModuleContext, RestApi } from "@tandem/kernel";
import type { UpstreamStore } from "../federation/UpstreamStore.js";
import type { OrganisationRow } from "../organisations/OrganisationStore.js";
import type { ClientStore } from "../provider/ClientStore.js";
import { registerAdminClientRoutes } from "./admin/clients.js";
import { registerAdminOrganisationRoutes } from "./admin/organisations.js";
import { registerAdminUpstreamRoutes } from "./admin/upstreams.js";
import { registerAdminUserRoutes } from "./admin/users.js";

/**
 * The admin UI's API under /api/v1/admin: accounts, organisations, apps and upstream
 * providers. Identity owns them all (an account is made with its organisation and profile);
 * the audit log's route stays in the kernel.
 */
export function registerAdminRoutes(
  api: RestApi,
  deps: ModuleContext &
    AccountsContext & {
      clients: ClientStore;
      upstreams: UpstreamStore;
      defaultOrganisation: OrganisationRow;
    },
) {
  registerAdminUserRoutes(api, deps);
  registerAdminOrganisationRoutes(api, deps);
  registerAdminClientRoutes(api, deps);
  registerAdminUpstreamRoutes(api, deps);
}
