import type { AuditLog, Authenticator } from "@tandem/accounts";
import type { RestApi } from "@tandem/kernel";
import type { ClientStore } from "../../provider/ClientStore.js";
import { ClientList, ClientParams, NewClient, RegisteredClient } from "../../wire/index.js";
import { adminOf, audited } from "./adminOnly.js";

export function registerAdminClientRoutes(
  api: RestApi,
  deps: { auth: Authenticator; audit: AuditLog; clients: ClientStore },
) {
  const admin = adminOf(deps.auth);

  api.route({
    method: "GET",
    path: "/admin/clients",
    summary: "The registered apps, without secrets (none is kept readable)",
    who: admin,
    responses: { 200: ClientList },
    handler: async () => ({ clients: await deps.clients.list() }),
  });

  api.route({
    method: "POST",
    path: "/admin/clients",
    summary: "Register an app; `clientSecret` is in this answer only",
    who: admin,
    body: NewClient,
    responses: { 201: RegisteredClient },
    handler: async ({ who, body: input, request }) => {
      const registered = await audited(
        deps,
        request,
        who,
        {
          action: "client_added",
          subject: (r) => r.client_id,
          details: { name: input.name, public: input.public, thirdParty: input.thirdParty },
        },
        () => deps.clients.add(input),
      );
      const listed = (await deps.clients.list()).find((c) => c.clientId === registered.client_id);
      if (!listed)
        throw new Error(`client ${registered.client_id} is not listed after its registration`);
      return { ...listed, clientSecret: registered.client_secret ?? null };
    },
  });

  api.route({
    method: "DELETE",
    path: "/admin/clients/:clientId",
    summary: "Unregister an app and end its grants and tokens",
    who: admin,
    params: ClientParams,
    responses: { 204: null },
    handler: async ({ who, params: { clientId }, request }) => {
      await audited(deps, request, who, { action: "client_removed", subject: clientId }, () =>
        deps.clients.remove(clientId),
      );
      return undefined;
    },
  });
}
