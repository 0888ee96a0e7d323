import { z } from "zod";
import { cidrList, DEFAULT_METRICS_ALLOW } from "../http/metricsAccess.js";
import { flag, mailAddress, option, urlOf, wholeNumber } from "./options.js";

const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;

/** The kernel's slice of the configuration: what every deployment sets first. */
export const kernelOptions = {
  port: option(
    "PORT",
    wholeNumber({ min: 0, max: 65535, default: 8080 }),
    "TCP port the HTTP server listens on (0 picks a free port).",
  ),
  host: option(
    "TANDEM_HOST",
    z.string().min(1).default("localhost"),
    "Interface to listen on; set `0.0.0.0` or `::` to accept connections from other machines.",
  ),
  publicUrl: option(
    "TANDEM_PUBLIC_URL",
    urlOf(["http:", "https:"], "http(s)").optional(),
    "URL users reach Tandem at (issuer of tokens, links in e-mails). Default: `http://localhost:$PORT`. HSTS is sent when it is https.",
  ),
  dataDir: option(
    "TANDEM_DATA_DIR",
    z.string().min(1).default("./data"),
    "Folder for the embedded database, blobs and keys. Created at first start.",
  ),
  databaseUrl: option(
    "TANDEM_DATABASE_URL",
    urlOf(["postgres:", "postgresql:"], "PostgreSQL").optional(),
    "PostgreSQL connection URL (`postgres://user:pass@host:5432/db`). Unset: the embedded SQLite database in the data folder.",
  ),
  redisUrl: option(
    "TANDEM_REDIS_URL",
    urlOf(["redis:", "rediss:"], "Redis").optional(),
    "Redis URL for pub/sub between instances. Unset: in-process pub/sub (a single instance).",
  ),
  redisPrefix: option(
    "TANDEM_REDIS_PREFIX",
    z
      .string()
      .regex(/^[A-Za-z0-9:_-]+$/, { message: "may contain letters, digits, ':', '_' and '-'" })
      .default("tandem:"),
    "Prefix of every Redis channel, so several deployments can share one Redis.",
  ),
  logLevel: option(
    "TANDEM_LOG_LEVEL",
    z.enum(LOG_LEVELS, { message: `must be one of ${LOG_LEVELS.join(", ")}` }).default("info"),
    "Lowest level of log lines written.",
  ),
  logFormat: option(
    "TANDEM_LOG_FORMAT",
    z.enum(["auto", "json", "pretty"], { message: "must be auto, json or pretty" }).default("auto"),
    "`json` (one object per line), `pretty` (for a terminal) or `auto` (pretty on a terminal, JSON otherwise).",
  ),
  trustProxy: option(
    "TANDEM_TRUST_PROXY",
    flag(false),
    "Trust `X-Forwarded-*` headers (set when Tandem runs behind a reverse proxy).",
  ),
  smtpUrl: option(
    "TANDEM_SMTP_URL",
    urlOf(["smtp:", "smtps:"], "SMTP").optional(),
    "SMTP server for e-mails (`smtp://user:pass@host:587`, STARTTLS when offered; `smtps://host:465` for TLS from the start). Unset: e-mails are written to the log, for development.",
  ),
  mailFrom: option(
    "TANDEM_MAIL_FROM",
    mailAddress().optional(),
    "Sender of Tandem's e-mails (`tandem@example.org` or `Tandem <tandem@example.org>`). Required with `TANDEM_SMTP_URL`.",
    { requiredWith: "TANDEM_SMTP_URL" },
  ),
  shutdownTimeoutMs: option(
    "TANDEM_SHUTDOWN_TIMEOUT_MS",
    wholeNumber({ min: 0, max: 600_000, default: 10_000 }),
    "How long a graceful shutdown waits for requests in flight before closing anyway.",
  ),
  metricsAllow: option(
    "TANDEM_METRICS_ALLOW",
    cidrList(DEFAULT_METRICS_ALLOW),
    "Client networks that may read `GET /metrics`, comma-separated CIDRs; others get 404. Default: loopback and the private networks. Behind a reverse proxy, set `TANDEM_TRUST_PROXY` (a proxied request is refused otherwise) and list the scraper's address.",
  ),
  metricsToken: option(
    "TANDEM_METRICS_TOKEN",
    z.string().min(32, { message: "must have at least 32 characters" }).optional(),
    "When set, `GET /metrics` also requires `Authorization: Bearer <this token>` (at least 32 characters).",
  ),
};

export type KernelConfig = {
  [K in keyof typeof kernelOptions]: z.output<(typeof kernelOptions)[K]["schema"]>;
};

/**
 * The public URL with no trailing slash. Unset, it is this machine on the configured port:
 * `localhost`, or the loopback address Tandem listens on when that is an IP literal, so
 * the URL (the OpenID issuer) is one that reaches this process.
 */
export function publicUrlOf(
  config: Pick<KernelConfig, "publicUrl" | "port"> & { host?: string },
): string {
  const host = config.host === "127.0.0.1" || config.host === "::1" ? config.host : "localhost";
  const shown = host.includes(":") ? `[${host}]` : host;
  return (config.publicUrl ?? `http://${shown}:${config.port}`).replace(/\/+$/, "");
}
