import { Counter, collectDefaultMetrics, Histogram, Registry } from "prom-client";

/**
 * One registry per server rather than prom-client's global one, so two servers in one
 * process (tests) do not collide. Modules add their own metrics to `registry`.
 */
export function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "tandem_" });
  const requests = new Counter({
    name: "tandem_http_requests_total",
    help: "HTTP requests answered, by method, route and status.",
    labelNames: ["method", "route", "status"] as const,
    registers: [registry],
  });
  const duration = new Histogram({
    name: "tandem_http_request_duration_seconds",
    help: "Time to answer HTTP requests, by method and route.",
    labelNames: ["method", "route"] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  return { registry, requests, duration };
}

export type Metrics = ReturnType<typeof createMetrics>;
