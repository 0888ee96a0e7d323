import { existsSync } from "node:fs";
import { join } from "node:path";
import fastifyStatic from "@fastify/static";
import { webRoot } from "@tandem/web";
import type { FastifyInstance } from "fastify";

const PROTOCOL_PREFIXES = ["/api/", "/oidc/", "/scim/", "/federation/", "/.well-known/"];

/**
 * Serves the built web app at `/`. Unknown paths outside `/api/` get index.html so the
 * app's own routes survive a reload. Hashed assets are cached for a year; index.html
 * never, so a new release is picked up on the next load.
 */
export async function registerWebApp(http: FastifyInstance): Promise<void> {
  const built = existsSync(join(webRoot, "index.html"));
  if (built) {
    await http.register(fastifyStatic, {
      root: webRoot,
      wildcard: false,
      index: false,
      setHeaders: (res, path) => {
        const hashed = path.includes(`${join(webRoot, "assets")}`);
        res.header("cache-control", hashed ? "public, max-age=31536000, immutable" : "no-cache");
      },
    });
  }
  http.get("/*", async (request, reply) => {
    // Protocol paths are never the web app's: an unknown one is a JSON 404, not a page.
    if (PROTOCOL_PREFIXES.some((prefix) => request.url.startsWith(prefix))) {
      return reply
        .status(404)
        .send({ error: "not_found", message: `No route for GET ${request.url}` });
    }
    if (!built) {
      return reply
        .status(503)
        .type("text/plain; charset=utf-8")
        .send("The web app is not built. Run `npm run build`, then start Tandem again.\n");
    }
    reply.header("cache-control", "no-cache");
    return reply.sendFile("index.html");
  });
}
