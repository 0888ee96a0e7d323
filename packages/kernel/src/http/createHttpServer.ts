import { createServer } from "node:http";
import cookie from "@fastify/cookie";
import Fastify, { type FastifyBaseLogger, type FastifyInstance, LogController } from "fastify";
import type { Logger } from "pino";
import type { Database } from "../storage/Database.js";
import type { Metrics } from "./metrics.js";
import { MetricsAccess } from "./metricsAccess.js";
import { registerNulGuard } from "./nulGuard.js";
import type { RawHandler, RawRoutes } from "./RawRoutes.js";
import { restErrorHandler } from "./restErrors.js";
import { registerSecurityHeaders, securityHeaders } from "./securityHeaders.js";

export interface HttpServerOptions {
  log: Logger;
  database: Database;
  metrics: Metrics;
  publicUrl: string;
  trustProxy: boolean;
  /** Who may read /metrics: client networks (CIDRs) and, if set, a bearer token. */
  metricsAccess?: { allow: string[]; token?: string | undefined };
  /** Paths served before Fastify (see RawRoutes); routes may be added until it listens. */
  raw?: RawRoutes;
}

/**
 * The Fastify instance every module registers its routes on, with what all of them
 * share: security headers, cookies, the REST error mapper, the NUL guard, request
 * metrics, `/healthz` and `/metrics`.
 */
export async function createHttpServer(options: HttpServerOptions): Promise<FastifyInstance> {
  const https = options.publicUrl.startsWith("https:");
  const { raw } = options;
  const app = Fastify({
    serverFactory: (fastify: RawHandler) =>
      createServer(
        raw
          ? raw.dispatcher(fastify, {
              headers: Object.entries(securityHeaders({ https })),
              metrics: options.metrics,
              log: options.log,
            })
          : fastify,
      ),
    // pino's Logger is what Fastify logs with; its declared type is the narrower base.
    loggerInstance: options.log as FastifyBaseLogger,
    trustProxy: options.trustProxy,
    // While closing, new requests get 503 and idle keep-alive sockets are dropped, so drain ends.
    return503OnClosing: true,
    forceCloseConnections: "idle",
    // One line per request is logged by the onResponse hook below, at debug level.
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: 1024 * 1024,
  });
  await registerSecurityHeaders(app, { https });
  if (raw) app.addHook("preClose", async () => raw.close());
  await app.register(cookie);
  app.setErrorHandler(restErrorHandler);
  // Before any module's route is added: every encapsulated plugin inherits it.
  registerNulGuard(app);
  app.setNotFoundHandler((request, reply) => {
    reply
      .status(404)
      .send({ error: "not_found", message: `No route for ${request.method} ${request.url}` });
  });

  const { metrics } = options;
  app.addHook("onResponse", async (request, reply) => {
    const route = request.routeOptions.url ?? "unmatched";
    const labels = { method: request.method, route };
    metrics.requests.inc({ ...labels, status: String(reply.statusCode) });
    metrics.duration.observe(labels, reply.elapsedTime / 1000);
    request.log.debug(
      { method: request.method, url: request.url, status: reply.statusCode, ms: reply.elapsedTime },
      "request",
    );
  });

  /** GET /healthz — 200 once the database answers; load balancers route on it. */
  app.get("/healthz", async (request, reply) => {
    try {
      await options.database.ping();
      return { status: "ok" };
    } catch (error) {
      request.log.warn({ err: error }, "health check: database does not answer");
      return reply.status(503).send({ status: "unavailable", reason: "database" });
    }
  });

  const metricsAccess = new MetricsAccess({
    allow: options.metricsAccess?.allow ?? ["127.0.0.0/8", "::1/128"],
    token: options.metricsAccess?.token,
    trustProxy: options.trustProxy,
  });
  /**
   * GET /metrics — Prometheus text exposition, for the allowed networks (and the token, if
   * one is set); to anyone else a 404 like any unknown path: it tells nothing of the process.
   */
  app.get("/metrics", async (request, reply) => {
    if (!metricsAccess.allows(request)) {
      return reply
        .status(404)
        .send({ error: "not_found", message: `No route for ${request.method} ${request.url}` });
    }
    reply.type(metrics.registry.contentType);
    return metrics.registry.metrics();
  });

  return app;
}
