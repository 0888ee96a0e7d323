import type { AccountsModule, BearerResolver, SignOutHook } from "@tandem/accounts";
import { readCookie } from "@tandem/kernel";
import { registerAccountAppRoutes } from "./api/accountApps.js";
import { registerAdminRoutes } from "./api/admin.js";
import { registerConsentRoutes } from "./api/consent.js";
import { registerFederationRoutes } from "./api/federation.js";
import { registerInteractionRoutes } from "./api/interactions.js";
import { OIDC_RAW_PATHS, registerOidcRoutes } from "./api/oidc.js";
import { createIdentityApi, IDENTITY_API_PATHS_PREFIX } from "./api/openapi.js";
import { registerScimRoutes } from "./api/scim/scim.js";
import { identityCommands } from "./cli/commands.js";
import { identityOptions } from "./config.js";
import { ConsentService } from "./consent/ConsentService.js";
import { GrantStore } from "./consent/GrantStore.js";
import { AccountLinker } from "./federation/AccountLinker.js";
import { Broker } from "./federation/Broker.js";
import { FederatedSessions } from "./federation/FederatedSessions.js";
import { UpstreamStore } from "./federation/UpstreamStore.js";
import { createAccount } from "./organisations/accountCreator.js";
import { IdentityDirectory } from "./organisations/IdentityDirectory.js";
import { OrganisationStore } from "./organisations/OrganisationStore.js";
import { ProfileStore } from "./organisations/ProfileStore.js";
import { organisationRequiresMfa } from "./organisations/secondFactorRule.js";
import { appAccessTokens } from "./provider/appAccessTokens.js";
import { ClientStore } from "./provider/ClientStore.js";
import { createProvider, INTERACTION_PATH } from "./provider/createProvider.js";
import { endBrowserSession } from "./provider/endBrowserSession.js";
import { KeyStore } from "./provider/KeyStore.js";
import { ProviderHost } from "./provider/ProviderHost.js";
import { SCIM_PREFIX } from "./scim/urns.js";
import { purgeExpiredPayloads, revokeAccount } from "./storage/KyselyAdapter.js";
import { identityMigrations } from "./storage/migrations.js";
import { SecretStore } from "./storage/SecretStore.js";
import { IDENTITY_AUDIT_ACTIONS, IDENTITY_TOKEN_SCOPES } from "./wire/index.js";

const PURGE_EVERY_MS = 3_600_000;
/** `tandem keys rotate` promises running instances switch within 15 seconds. */
const KEYS_RELOAD_EVERY_MS = 15_000;

/**
 * Identity: Tandem's OpenID provider, which every app (Tandem's own and third-party ones)
 * signs its users in through. The issuer is the public URL.
 */
export function createIdentityModule(): AccountsModule<typeof identityOptions> {
  let host: ProviderHost | undefined;
  // Set by register, which runs before the scheduler starts the jobs using them.
  let purgePayloads: (() => Promise<void>) | undefined;
  let purgeFederatedSessions: (() => Promise<void>) | undefined;
  // Set by register(); the declarations below answer from them.
  let appTokens: BearerResolver | undefined;
  let directory: IdentityDirectory | undefined;
  let endProviderSession: SignOutHook | undefined;
  let endFederatedSession: SignOutHook | undefined;
  return {
    name: "identity",
    options: identityOptions,
    migrations: identityMigrations,
    commands: identityCommands,
    paths: {
      // oidc-provider's own paths; its interaction pages under /oidc are Tandem's, in Fastify.
      raw: OIDC_RAW_PATHS,
      // Its REST routes share /api/v1 with accounts' and the server's (each API describes
      // its own): it claims its resources and its description's path, never the whole base.
      rest: [
        IDENTITY_API_PATHS_PREFIX,
        "/api/v1/auth/discover",
        "/api/v1/consent",
        "/api/v1/account/apps",
        "/api/v1/admin/clients",
        "/api/v1/admin/organisations",
        "/api/v1/admin/upstreams",
        "/api/v1/admin/users",
      ],
      prefixes: [INTERACTION_PATH, "/federation", SCIM_PREFIX],
    },
    jobs: [
      {
        // Each instance: a key rotated by the CLI or another instance is taken up here.
        name: "identity.signing-keys-reload",
        everyMs: KEYS_RELOAD_EVERY_MS,
        run: async () => {
          await registered(host).refresh();
        },
      },
      {
        name: "identity.provider-purge",
        everyMs: PURGE_EVERY_MS,
        once: "cluster",
        run: () => registered(purgePayloads)(),
      },
      {
        name: "identity.federated-sessions-purge",
        everyMs: PURGE_EVERY_MS,
        once: "cluster",
        run: () => registered(purgeFederatedSessions)(),
      },
    ],
    auditActions: IDENTITY_AUDIT_ACTIONS,
    tokenScopes: IDENTITY_TOKEN_SCOPES,
    bearerTokens: async (token) => appTokens?.(token),
    onSignOut: [
      async (request, reply) => endProviderSession?.(request, reply),
      async (request, reply) => endFederatedSession?.(request, reply),
    ],
    directory: {
      describe: (userId) => registered(directory).describe(userId),
      groupIdsOf: (userId) => registered(directory).groupIdsOf(userId),
      group: (groupId) => registered(directory).group(groupId),
    },
    // The CLI's `user add` and test factories: an account never exists without its profile.
    createAccount: ({ database, accounts, config }, input) =>
      createAccount(
        {
          database,
          accounts,
          defaultOrganisation: () =>
            new OrganisationStore(database).ensureDefault({
              name: config.organisationName,
              country: config.organisationCountry,
              identifier: config.organisationId,
            }),
        },
        input,
      ),
    async register(http, context) {
      const keys = new KeyStore(context.database);
      const clients = new ClientStore(context.database);
      const grants = new GrantStore(context.database);
      const profiles = new ProfileStore(context.database);
      const home = await new OrganisationStore(context.database).ensureDefault({
        name: context.config.organisationName,
        country: context.config.organisationCountry,
        identifier: context.config.organisationId,
      });
      await profiles.backfill(home);
      const cookieKeys = [await new SecretStore(context.database).get("oidc-cookie-key")];
      const build = async () =>
        createProvider({
          issuer: context.publicUrl,
          database: context.database,
          accounts: context.accounts,
          clients,
          claimsOf: async (userId) =>
            (await profiles.claimsOf(userId)) ??
            // Made after this start (by the CLI beside a running server): give it its profile now.
            ((await profiles.backfill(home)) > 0 ? profiles.claimsOf(userId) : undefined),
          isEnabled: async (userId) =>
            (await profiles.isEnabled(userId)) ||
            ((await profiles.backfill(home)) > 0 && profiles.isEnabled(userId)),
          signingKeys: { keys: (await keys.signingKeys()) as never },
          cookieKeys,
          trustProxy: context.kernel.trustProxy,
          log: context.log,
          revocations: context.revocations,
          rememberedGrant: (accountId, clientId) => grants.rememberedGrant(accountId, clientId),
          // An app's RP-initiated logout signs the browser out of Tandem itself too.
          endTandemSession: async (cookieHeader) => {
            const secret = readCookie(cookieHeader, context.auth.cookieName);
            if (secret) await context.access.endSession(secret);
            return context.auth.cookieName;
          },
        });
      host = new ProviderHost(await build(), await keys.version(), build, keys, context.log);
      registerOidcRoutes(context.raw, host);
      const running = host;
      appTokens = appAccessTokens(running, context.accounts);
      directory = new IdentityDirectory(context.database);
      endProviderSession = async (request, reply) => {
        await endBrowserSession(running, request, reply, context.log);
        return undefined;
      };
      const upstreams = new UpstreamStore(context.database);
      const broker = new Broker(
        context.database,
        upstreams,
        new AccountLinker(context.database, context.accounts),
        `${context.publicUrl}/federation/callback`,
      );
      const federatedSessions = new FederatedSessions(context.database, upstreams, broker);
      registerInteractionRoutes(http, {
        host,
        auth: context.auth,
        access: context.access,
        clients,
        assuranceOf: (sessionId) => federatedSessions.assuranceOf(sessionId),
      });
      const api = createIdentityApi(http, context.claims);
      const consent = new ConsentService(host);
      registerConsentRoutes(api, { auth: context.auth, consent, audit: context.audit });
      registerAccountAppRoutes(api, {
        auth: context.auth,
        grants,
        clients,
        audit: context.audit,
        revocations: context.revocations,
      });
      registerFederationRoutes(http, api, {
        broker,
        upstreams,
        host,
        auth: context.auth,
        access: context.access,
        sessions: federatedSessions,
        audit: context.audit,
        requiresMfa: (userId) => organisationRequiresMfa(context.database, userId),
      });
      endFederatedSession = async (request) => {
        const sessionId = context.auth.sessionId(request);
        return sessionId ? federatedSessions.end(sessionId, `${context.publicUrl}/`) : undefined;
      };
      await registerScimRoutes(http, { ...context, defaultOrganisation: home });
      registerAdminRoutes(api, { ...context, clients, upstreams, defaultOrganisation: home });
      purgePayloads = () => purgeExpiredPayloads(context.database);
      purgeFederatedSessions = () =>
        federatedSessions.purge(context.accountsConfig.sessionMinutes * 60_000);
    },
    onAccountDisabled: (accountId, database) => revokeAccount(database, accountId),
    onSessionsEnded: (accountId, database) => revokeAccount(database, accountId),
    requiresSecondFactor: (user, database) => organisationRequiresMfa(database, user.id),
  };
}

/** What a job works on, once register has made it (the scheduler starts after every register). */
function registered<T>(work: T | undefined): T {
  if (!work) throw new Error("the identity module has not registered");
  return work;
}
