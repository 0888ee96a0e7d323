import { text } from "@tandem/kernel/wire";
import { z } from "zod";

// The admin API's shapes (/api/v1/admin/{users,organisations,clients,upstreams}): the routes'
// input and answers, and what the web app's admin pages parse.

/** GET /admin/users?q=&offset=&limit= */
export const AdminUserQuery = z.object({
  /** Part of an e-mail or a name. */
  q: z.string().max(200).optional(),
  /** How many to skip, for the next page. */
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

/** POST /admin/users */
export const NewAdminUser = z.object({
  /** The sign-in name; checked by the account rules. */
  email: z.string().trim().min(1).max(320),
  /** Display name. */
  name: text(z.string().trim().min(1).max(200)),
  /** Default: the first word of the name, then the rest. */
  givenName: z.string().max(200).optional(),
  familyName: z.string().max(200).optional(),
  /** Organisation id; default: the deployment's own. */
  organisationId: z.string().min(1).max(100).optional(),
  role: z.enum(["member", "admin"]).default("member"),
  /** An initial password; without one the account signs in only through an upstream provider. */
  password: z.string().max(1024).optional(),
});

export const AdminUserParams = z.object({
  /** The account's id, as the list gives it. */
  userId: z.string().min(1).max(100),
});

/** An account in the admin API, with its organisation. */
export const AdminUser = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  isAdmin: z.boolean(),
  disabled: z.boolean(),
  disabledAt: z.number().nullable(),
  createdAt: z.number(),
  organisation: z.object({ id: z.string(), name: z.string() }).nullable(),
});
export type AdminUser = z.infer<typeof AdminUser>;
/** One page of accounts, and how many match in all. */
export const AdminUserList = z.object({ users: z.array(AdminUser), total: z.number() });

/** POST /admin/organisations */
export const NewOrganisation = z.object({
  name: text(z.string().trim().min(1).max(200)),
  /** Two-letter country code, e.g. FR or DE. */
  country: z.string().trim().length(2),
  /** Official identifier, e.g. a SIRET (checked for FR). */
  identifier: z.string().max(64).optional(),
  /** Its members must use a second factor. */
  requireMfa: z.boolean().default(false),
});

/** PATCH /admin/organisations/:organisationId (at least one of the two). */
export const OrganisationChanges = z
  .object({
    name: text(z.string().trim().min(1).max(200)).optional(),
    requireMfa: z.boolean().optional(),
  })
  .strict();

export const OrganisationParams = z.object({
  organisationId: z.string().min(1).max(100),
});

export const Organisation = z.object({
  id: z.string(),
  name: z.string(),
  country: z.string(),
  identifier: z.string().nullable(),
  requireMfa: z.boolean(),
  createdAt: z.number(),
});
export type Organisation = z.infer<typeof Organisation>;
export const OrganisationList = z.object({ organisations: z.array(Organisation) });

const uri = z.string().trim().min(1).max(2000);

/** POST /admin/clients */
export const NewClient = z.object({
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

export const ClientParams = z.object({
  clientId: z.string().min(1).max(100),
});

/** A registered app, without its secret (none is kept readable). */
export const Client = z.object({
  clientId: z.string(),
  name: z.string(),
  /** Run by this deployment: its users are not asked for consent. */
  firstParty: z.boolean(),
  public: z.boolean(),
  redirectUris: z.array(z.string()),
  postLogoutRedirectUris: z.array(z.string()),
  backchannelLogoutUri: z.string().nullable(),
  createdAt: z.number(),
});
export type Client = z.infer<typeof Client>;
export const ClientList = z.object({ clients: z.array(Client) });
/** The app just registered: its secret is in this answer only (null for a public client). */
export const RegisteredClient = Client.extend({ clientSecret: z.string().nullable() });
export type RegisteredClient = z.infer<typeof RegisteredClient>;

export const UPSTREAM_PROFILES = ["proconnect", "oidc"] as const;

/** POST /admin/upstreams */
export const NewUpstream = z.object({
  /** Shown to users, e.g. ProConnect. */
  name: text(z.string().trim().min(1).max(200)),
  /** The provider's issuer URL; discovery is read from it. */
  issuer: z.string().trim().min(1).max(2000),
  /** Tandem's client id and secret at the provider. */
  clientId: z.string().trim().min(1).max(500),
  clientSecret: z.string().min(1).max(2000),
  /** The e-mail domains it vouches for. */
  domains: z.array(z.string().trim().min(1).max(253)).min(1).max(100),
  /** How its claims map to Tandem's. */
  profile: z.enum(UPSTREAM_PROFILES),
  /** Country its accounts come from (their home_federation). */
  federation: z.string().trim().length(2).default("FR"),
});

export const UpstreamParams = z.object({
  upstreamId: z.string().min(1).max(100),
});

/** A brokered identity provider, without its client secret, which never leaves the server. */
export const Upstream = z.object({
  id: z.string(),
  name: z.string(),
  issuer: z.string(),
  clientId: z.string(),
  domains: z.array(z.string()),
  profile: z.enum(UPSTREAM_PROFILES),
  federation: z.string(),
});
export type Upstream = z.infer<typeof Upstream>;
export const UpstreamList = z.object({ upstreams: z.array(Upstream) });
