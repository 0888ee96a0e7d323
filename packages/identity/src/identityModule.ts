import type { ModuleContext, TandemModule } from "@tandem/kernel";
import { registerInteractionRoutes } from "./api/interactions.js";
import { registerOidcRoutes } from "./api/oidcRoutes.js";
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
export function createIdentityModule(): TandemModule {
  let host: ProviderHost | undefined;
  let purge: NodeJS.Timeout | undefined;
  return {
    name: "identity",
    migrations: identityMigrations,
    async register(http, context: ModuleContext) {
      const keys = new KeyStore(context.database);
      const clients = new ClientStore(context.database);
      const cookieKeys = [await new SecretStore(context.database).get("oidc-cookie-key")];
      const build = async () =>
        createProvider({
          issuer: context.publicUrl,
          database: context.database,
          accounts: context.accounts,
          clients,
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
