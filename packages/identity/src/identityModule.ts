import type { TandemModule } from "@tandem/kernel";
import { registerInteractionRoutes } from "./api/interactions.js";
import { registerOidcRoutes } from "./api/oidcRoutes.js";
import { identityOptions } from "./config.js";
import { AccountLinker } from "./federation/AccountLinker.js";
import { Broker } from "./federation/Broker.js";
import { registerFederationRoutes } from "./federation/routes.js";
import { UpstreamStore } from "./federation/UpstreamStore.js";
import { OrganisationStore } from "./organisations/OrganisationStore.js";
import { ProfileStore } from "./organisations/ProfileStore.js";
import { ClientStore } from "./provider/ClientStore.js";
import { createProvider } from "./provider/createProvider.js";
import { endBrowserSession } from "./provider/endBrowserSession.js";
import { KeyStore } from "./provider/KeyStore.js";
import { ProviderHost } from "./provider/ProviderHost.js";
import { purgeExpiredPayloads, revokeAccount } from "./storage/KyselyAdapter.js";
import { identityMigrations } from "./storage/migrations.js";
import { SecretStore } from "./storage/SecretStore.js";

const PURGE_EVERY_MS = 3_600_000;

/**
 * Identity: Tandem's OpenID provider, which every app (Tandem's own and third-party ones)
 * signs its users in through. The issuer is the public URL.
 */
export function createIdentityModule(): TandemModule<typeof identityOptions> {
  let host: ProviderHost | undefined;
  let purge: NodeJS.Timeout | undefined;
  return {
    name: "identity",
    options: identityOptions,
    migrations: identityMigrations,
    async register(http, context) {
      const keys = new KeyStore(context.database);
      const clients = new ClientStore(context.database);
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
          signingKeys: { keys: (await keys.signingKeys()) as never },
          cookieKeys,
          trustProxy: context.kernel.trustProxy,
        });
      host = new ProviderHost(await build(), await keys.version(), build, keys, context.log);
      host.watch();
      await registerOidcRoutes(http, host);
      registerInteractionRoutes(http, {
        host,
        auth: context.auth,
        access: context.access,
        clients,
      });
      const running = host;
      context.auth.onSignOut((request, reply) =>
        endBrowserSession(running, request, reply, context.log),
      );
      const upstreams = new UpstreamStore(context.database);
      const broker = new Broker(
        context.database,
        upstreams,
        new AccountLinker(context.database, context.accounts),
        `${context.publicUrl}/federation/callback`,
      );
      registerFederationRoutes(http, {
        broker,
        upstreams,
        host,
        auth: context.auth,
        access: context.access,
      });
      purge = setInterval(
        () => void purgeExpiredPayloads(context.database).catch(() => {}),
        PURGE_EVERY_MS,
      );
      purge.unref();
    },
    onAccountDisabled: (accountId, database) => revokeAccount(database, accountId),
    async close() {
      host?.stop();
      clearInterval(purge);
    },
  };
}
