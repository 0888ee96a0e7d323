import type Provider from "oidc-provider";

type Client = NonNullable<Awaited<ReturnType<Provider["Client"]["find"]>>>;

/**
 * How long a client found is reused before it is looked up again. Every token request looks
 * its client up, and clients change rarely (the CLI, the admin API). In the process that
 * changes or removes a client the change is seen at once (forgetClients); other instances,
 * and a server beside a CLI that changed a client, may see it as it was for up to this long.
 * Tokens a removed client got meanwhile are of no use after it: oidc-provider refuses the
 * tokens of a client it cannot find.
 */
export const CLIENT_CACHE_MS = 1000;
const CLIENT_CACHE_SIZE = 1000;
let clientsGeneration = 0;

/** Drops the clients every provider of this process has cached: for ClientStore's changes. */
export function forgetClients(): void {
  clientsGeneration += 1;
}

/**
 * Keeps the clients the provider finds for CLIENT_CACHE_MS. oidc-provider already reuses the
 * Client it built for the same metadata, but only after reading the row, parsing it, and
 * hashing it again: a tenth of what a client-credentials grant costs.
 */
export function cacheClientLookups(provider: Provider): void {
  const Client = provider.Client;
  const find = Client.find.bind(Client);
  const cached = new Map<string, { client: Client; until: number; generation: number }>();
  Client.find = async (id: string) => {
    const now = Date.now();
    const hit = cached.get(id);
    if (hit && hit.until > now && hit.generation === clientsGeneration) return hit.client;
    const generation = clientsGeneration;
    const client = await find(id);
    if (!client) {
      cached.delete(id);
      return undefined;
    }
    if (cached.size >= CLIENT_CACHE_SIZE) cached.clear();
    cached.set(id, { client, until: now + CLIENT_CACHE_MS, generation });
    return client;
  };
}
