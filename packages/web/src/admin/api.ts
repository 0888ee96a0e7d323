import { type AuditEntry, AuditEntryList } from "@tandem/accounts/wire";
import { DOCS_API, type Orphan, OrphanList, Recovered } from "@tandem/docs/wire";
import {
  AdminUser,
  AdminUserList,
  type Client,
  ClientList,
  Organisation,
  OrganisationList,
  RegisteredClient,
  Upstream,
  UpstreamList,
} from "@tandem/identity/wire";
import { parseAs, request } from "../api/client";

export type { AdminUser, Client, Organisation, Upstream };

/** One entry of the security audit log, as accounts' wire schema reads it. */
export type AuditEvent = AuditEntry;

const path = (...parts: string[]) =>
  `/api/v1/admin/${parts.map((p) => encodeURIComponent(p)).join("/")}`;

/** `GET /api/v1/admin/users`: one page of accounts matching `query`, and how many match. */
export async function fetchUsers(
  query: string,
  offset: number,
  limit: number,
): Promise<{ users: AdminUser[]; total: number }> {
  const search = new URLSearchParams({ offset: String(offset), limit: String(limit) });
  if (query) search.set("q", query);
  return parseAs(AdminUserList, await request("GET", `${path("users")}?${search}`), "users list");
}

export async function createUser(input: {
  email: string;
  name: string;
  organisationId?: string;
  role: "member" | "admin";
  password?: string;
}): Promise<AdminUser> {
  return parseAs(AdminUser, await request("POST", path("users"), input), "user");
}

export async function disableUser(id: string): Promise<void> {
  await request("POST", path("users", id, "disable"));
}

/** Another module's endpoint: removes every second factor of the account (204). */
export async function resetSecondFactors(id: string): Promise<void> {
  await request("DELETE", path("users", id, "second-factors"));
}

export async function fetchOrganisations(): Promise<Organisation[]> {
  const payload = await request("GET", path("organisations"));
  return parseAs(OrganisationList, payload, "organisations list").organisations;
}

export async function createOrganisation(input: {
  name: string;
  country: string;
  identifier?: string;
  requireMfa: boolean;
}): Promise<Organisation> {
  return parseAs(Organisation, await request("POST", path("organisations"), input), "organisation");
}

export async function updateOrganisation(
  id: string,
  changes: { name?: string; requireMfa?: boolean },
): Promise<Organisation> {
  const payload = await request("PATCH", path("organisations", id), changes);
  return parseAs(Organisation, payload, "organisation");
}

export async function fetchClients(): Promise<Client[]> {
  return parseAs(ClientList, await request("GET", path("clients")), "clients list").clients;
}

/** The answer holds `clientSecret` (null for a public client), shown this once. */
export async function createClient(input: {
  name: string;
  redirectUris: string[];
  public: boolean;
  thirdParty: boolean;
  postLogoutRedirectUris: string[];
  backchannelLogoutUri?: string;
}): Promise<RegisteredClient> {
  return parseAs(RegisteredClient, await request("POST", path("clients"), input), "client");
}

export async function deleteClient(clientId: string): Promise<void> {
  await request("DELETE", path("clients", clientId));
}

export async function fetchUpstreams(): Promise<Upstream[]> {
  return parseAs(UpstreamList, await request("GET", path("upstreams")), "upstreams list").upstreams;
}

export async function addUpstream(
  input: Omit<Upstream, "id"> & { clientSecret: string },
): Promise<Upstream> {
  return parseAs(Upstream, await request("POST", path("upstreams"), input), "upstream");
}

export async function removeUpstream(id: string): Promise<void> {
  await request("DELETE", path("upstreams", id));
}

export interface AuditFilters {
  action?: string;
  outcome?: "success" | "failure";
  who?: string;
  since?: number;
  until?: number;
  before?: number;
}

/** `GET /api/v1/admin/audit`: newest first; `before` pages to older events. */
export async function fetchAudit(filters: AuditFilters, limit: number): Promise<AuditEvent[]> {
  const search = new URLSearchParams({ limit: String(limit) });
  for (const [key, value] of Object.entries(filters)) {
    if (value !== undefined && value !== "") search.set(key, String(value));
  }
  const answer = await request("GET", `${path("audit")}?${search}`);
  return parseAs(AuditEntryList, answer, "audit log").events;
}

/** A root document no active account or group owns any more (its sub-pages follow it). */
export type OrphanDocument = Orphan;

const orphans = `${DOCS_API}/admin/orphans`;

/** `GET /api/docs/v1/admin/orphans`: documents without an owner. */
export async function fetchOrphans(): Promise<OrphanDocument[]> {
  return parseAs(OrphanList, await request("GET", orphans), "documents list").documents;
}

/**
 * `POST …/orphans/{id}/recover`: the account with `email` becomes the owner, or the
 * administrator asking; answers the new owner's e-mail.
 */
export async function recoverOrphan(id: string, email?: string): Promise<string> {
  const body = await request("POST", `${orphans}/${encodeURIComponent(id)}/recover`, {
    ...(email ? { email } : {}),
  });
  return parseAs(Recovered, body, "recovered document").owner.email;
}
