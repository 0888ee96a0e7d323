import type { IncomingMessage, ServerResponse } from "node:http";
import { performance } from "node:perf_hooks";
import type { Logger } from "pino";
import type { ModuleClaims } from "../module/paths.js";
import type { Metrics } from "./metrics.js";
import { NUL_REFUSED, urlHasNul } from "./nulGuard.js";

export type RawHandler = (request: IncomingMessage, response: ServerResponse) => void;

export interface RawRoute {
  /** The `route` label of the request metrics. */
  label: string;
  /**
   * The paths it serves, each with everything under it: the module must have declared them
   * (`paths.raw`), and a request outside them is Fastify's whatever `matches` says.
   */
  paths: readonly string[];
  /** Which requests under `paths` it takes (oidc-provider's, not Tandem's interaction pages). */
  matches(path: string): boolean;
  handle: RawHandler;
  /**
   * Answers a request refused before it is handed over (a NUL in its URL: see nulGuard),
   * in the route's own protocol; Tandem's REST shape when absent.
   */
  refuse?(response: ServerResponse, message: string): void;
}

/**
 * Paths served straight from Node's HTTP server, before Fastify: for protocol engines that
 * bring their own HTTP stack (oidc-provider's Koa app). Handing such a request over from a
 * Fastify route cost the token endpoint half its rate — Fastify built its request, reply and
 * hooks only to hijack them. What every response still gets here: the security headers,
 * the request metrics and log line, 503 while the server closes, and 400 for a NUL in the
 * URL (the engine would hand it to the database).
 */
export class RawRoutes {
  readonly #routes: Array<RawRoute & { under: string[] }> = [];
  #closing = false;

  add(route: RawRoute): void {
    // Compared as strings on every request: no splitting on the token endpoint's path.
    this.#routes.push({ ...route, under: route.paths.map((path) => `${path}/`) });
  }

  /** What a module registers through: it refuses a route on a path the module did not declare. */
  for(claims: ModuleClaims): Pick<RawRoutes, "add"> {
    return {
      add: (route) => {
        for (const path of route.paths) claims.require("raw", path);
        this.add(route);
      },
    };
  }

  /** The handler Node's server calls: raw routes first, Fastify for everything else. */
  dispatcher(
    fastify: RawHandler,
    deps: { headers: Array<[string, string]>; metrics: Metrics; log: Logger },
  ): RawHandler {
    return (request, response) => {
      const route = this.#routeOf(request.url);
      if (!route) return fastify(request, response);
      for (const [name, value] of deps.headers) response.setHeader(name, value);
      if (this.#closing) {
        response.writeHead(503, { "content-type": "application/json", connection: "close" });
        response.end(JSON.stringify({ error: "unavailable", message: "The server is stopping." }));
        return;
      }
      const started = performance.now();
      response.once("finish", () => {
        const labels = { method: request.method ?? "GET", route: route.label };
        const ms = performance.now() - started;
        deps.metrics.requests.inc({ ...labels, status: String(response.statusCode) });
        deps.metrics.duration.observe(labels, ms / 1000);
        if (deps.log.isLevelEnabled("debug"))
          deps.log.debug(
            { method: request.method, url: request.url, status: response.statusCode, ms },
            "request",
          );
      });
      if (urlHasNul(request.url ?? "")) {
        const message = `url: ${NUL_REFUSED}`;
        if (route.refuse) route.refuse(response, message);
        else {
          response.writeHead(400, { "content-type": "application/json" });
          response.end(JSON.stringify({ error: "invalid_request", message }));
        }
        return;
      }
      try {
        route.handle(request, response);
      } catch (error) {
        deps.log.error({ err: error, url: request.url }, "raw route failed");
        if (!response.headersSent) {
          response.writeHead(500, { "content-type": "application/json" });
          response.end(JSON.stringify({ error: "server_error", message: "Internal error." }));
        } else response.destroy();
      }
    };
  }

  /** New requests on raw routes get 503 from now on, as Fastify's do while closing. */
  close(): void {
    this.#closing = true;
  }

  #routeOf(url: string | undefined): RawRoute | undefined {
    if (this.#routes.length === 0 || !url) return undefined;
    const query = url.indexOf("?");
    const path = query === -1 ? url : url.slice(0, query);
    return this.#routes.find(
      (route) =>
        (route.paths.includes(path) || route.under.some((under) => path.startsWith(under))) &&
        route.matches(path),
    );
  }
}
