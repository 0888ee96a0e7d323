import type { AccountsContext } from "@tandem/accounts";
import type { ModuleContext } from "@tandem/kernel";
import type { FastifyInstance } from "fastify";
import type { UpstreamStore } from "../federation/UpstreamStore.js";
import type { OrganisationRow } from "../organisations/OrganisationStore.js";
import type { ClientStore } from "../provider/ClientStore.js";
import { registerAdminClientRoutes } from "./clients.js";
import { registerAdminOrganisationRoutes } from "./organisations.js";
import { registerAdminUpstreamRoutes } from "./upstreams.js";
import { registerAdminUserRoutes } from "./users.js";

/**
 * The admin UI's API under /api/v1/admin: accounts, organisations, apps and upstream
 * providers. Identity owns them all (an account is made with its organisation and profile);
 * the audit log's route stays in the kernel.
 */
export function registerAdminRoutes(
  http: FastifyInstance,
  deps: ModuleContext &
    AccountsContext & {
      clients: ClientStore;
      upstreams: UpstreamStore;
      defaultOrganisation: OrganisationRow;
    },
) {
  registerAdminUserRoutes(http, deps);
  registerAdminOrganisationRoutes(http, deps);
  registerAdminClientRoutes(http, deps);
  registerAdminUpstreamRoutes(http, deps);
}
