import type { AuditLog, Authenticator } from "@tandem/accounts";
import { parseInput, text, z } from "@tandem/kernel";
import type { FastifyInstance } from "fastify";
import type { ClientStore } from "../provider/ClientStore.js";
import { audited, requireAdmin } from "./adminOnly.js";

const uri = z.string().trim().min(1).max(2000);

const NewClient = z.object({
  /** The app's name, shown to users. */
  name: text(z.string().trim().min(1).max(200)),
  /** Exact redirect URIs (https; http only on localhost). */
  redirectUris: z.array(uri).min(1).max(20),
  /** A browser or mobile app: no secret, PKCE only. */
  public: z.boolean().default(false),
  /** Not run by this deployment: its users are asked for consent. */
  thirdParty: z.boolean().default(false),
  /** Where to return after sign-out. */
  postLogoutRedirectUris: z.array(uri).max(20).default([]),
  /** Where Tandem posts logout tokens when a session ends. */
  backchannelLogoutUri: uri.optional(),
});

const ClientParams = z.object({
  clientId: z.string().min(1).max(100),
});

export function registerAdminClientRoutes(
  http: FastifyInstance,
  deps: { auth: Authenticator; audit: AuditLog; clients: ClientStore },
) {
  /** GET /api/v1/admin/clients — the registered apps, without secrets (none is kept readable). */
  http.get("/api/v1/admin/clients", async (request) => {
    await requireAdmin(deps.auth, request);
    return { clients: await deps.clients.list() };
  });

  /** POST /api/v1/admin/clients — registers an app (201); `clientSecret` is in this answer only. */
  http.post("/api/v1/admin/clients", async (request, reply) => {
    const admin = await requireAdmin(deps.auth, request);
    const input = parseInput(NewClient, request.body);
    const registered = await audited(
      deps,
      request,
      admin,
      {
        action: "client_added",
        subject: (r) => r.client_id,
        details: { name: input.name, public: input.public, thirdParty: input.thirdParty },
      },
      () => deps.clients.add(input),
    );
    const listed = (await deps.clients.list()).find((c) => c.clientId === registered.client_id);
    return reply.status(201).send({ ...listed, clientSecret: registered.client_secret ?? null });
  });

  /**
   * DELETE /api/v1/admin/clients/:clientId — unregisters an app and ends its grants and
   * tokens (204).
   */
  http.delete("/api/v1/admin/clients/:clientId", async (request, reply) => {
    const admin = await requireAdmin(deps.auth, request);
    const { clientId } = parseInput(ClientParams, request.params);
    await audited(deps, request, admin, { action: "client_removed", subject: clientId }, () =>
      deps.clients.remove(clientId),
    );
    return reply.status(204).send();
  });
}
