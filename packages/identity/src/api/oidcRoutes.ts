import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { INTERACTION_PATH } from "../provider/createProvider.js";
import type { ProviderHost } from "../provider/ProviderHost.js";

/**
 * Hands the provider's paths to oidc-provider untouched: Fastify neither parses their
 * bodies (oidc-provider reads the raw stream itself) nor answers for them.
 */
export async function registerOidcRoutes(http: FastifyInstance, host: ProviderHost): Promise<void> {
  const handOver = async (request: FastifyRequest, reply: FastifyReply) => {
    reply.hijack();
    await new Promise<void>((resolve) => {
      reply.raw.once("finish", resolve);
      reply.raw.once("close", resolve);
      host.handler(request.raw, reply.raw);
    });
  };
  await http.register(async (scope) => {
    // Handed over before Fastify looks at the body (even an empty Content-Type is the
    // provider's to judge, in OAuth's error format); the routes below only claim the paths.
    scope.addHook("onRequest", async (request, reply) => {
      if (request.url.startsWith(`${INTERACTION_PATH}/`)) return;
      await handOver(request, reply);
    });
    scope.get("/.well-known/openid-configuration", async () => undefined);
    scope.route({
      method: ["GET", "POST", "PUT", "DELETE", "OPTIONS", "HEAD"],
      url: "/oidc/*",
      handler: async (_request, reply) =>
        reply.status(404).send({ error: "not_found", message: "No such interaction step." }),
    });
  });
}
