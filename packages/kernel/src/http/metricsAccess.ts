import { timingSafeEqual } from "node:crypto";
import { BlockList, isIPv4, isIPv6 } from "node:net";
import type { FastifyRequest } from "fastify";
import { z } from "zod";

/** Loopback and the private networks: where a Prometheus next to Tandem scrapes from. */
export const DEFAULT_METRICS_ALLOW =
  "127.0.0.0/8,::1/128,10.0.0.0/8,172.16.0.0/12,192.168.0.0/16,fc00::/7";

/** One `address/prefix` (or a bare address) of a CIDR list, checked and parsed. */
function parseCidr(entry: string): { address: string; prefix: number; family: "ipv4" | "ipv6" } {
  const [address = "", prefixText, ...rest] = entry.split("/");
  const family = isIPv4(address) ? "ipv4" : isIPv6(address) ? "ipv6" : undefined;
  if (!family || rest.length > 0) throw new Error(`"${entry}" is not an IP address or CIDR`);
  const max = family === "ipv4" ? 32 : 128;
  const prefix = prefixText === undefined ? max : Number(prefixText);
  if (!/^\d+$/.test(prefixText ?? String(max)) || prefix > max) {
    throw new Error(`"${entry}": the prefix must be a number from 0 to ${max}`);
  }
  return { address, prefix, family };
}

/** A comma-separated list of CIDRs (`10.0.0.0/8,::1/128`), from an environment string. */
export function cidrList(defaultValue: string) {
  return z
    .string()
    .default(defaultValue)
    .transform((value, context) => {
      const entries = value
        .split(",")
        .map((entry) => entry.trim())
        .filter(Boolean);
      for (const entry of entries) {
        try {
          parseCidr(entry);
        } catch (error) {
          context.addIssue({ code: "custom", message: (error as Error).message });
          return z.NEVER;
        }
      }
      return entries;
    });
}

/**
 * Who may read GET /metrics: a client address in `allow` and, when `token` is set, the
 * request's `Authorization: Bearer <token>`. The address is Fastify's `request.ip`, which
 * honours TANDEM_TRUST_PROXY; a request that came through a proxy Tandem does not trust
 * (it carries forwarding headers) is refused, since its socket address is the proxy's.
 */
export class MetricsAccess {
  readonly #allow = new BlockList();
  readonly #token: Buffer | undefined;
  readonly #trustProxy: boolean;

  constructor(options: { allow: string[]; token?: string | undefined; trustProxy: boolean }) {
    for (const entry of options.allow) {
      const { address, prefix, family } = parseCidr(entry);
      this.#allow.addSubnet(address, prefix, family);
    }
    this.#token = options.token === undefined ? undefined : Buffer.from(options.token);
    this.#trustProxy = options.trustProxy;
  }

  allows(request: FastifyRequest): boolean {
    const forwarded = request.headers["x-forwarded-for"] ?? request.headers.forwarded;
    if (forwarded !== undefined && !this.#trustProxy) return false;
    if (!this.#addressAllowed(request.ip)) return false;
    if (!this.#token) return true;
    const sent = /^Bearer (.+)$/i.exec(request.headers.authorization ?? "")?.[1];
    const given = Buffer.from(sent ?? "");
    return given.length === this.#token.length && timingSafeEqual(given, this.#token);
  }

  #addressAllowed(ip: string): boolean {
    // An IPv4 client on a dual-stack socket shows as ::ffff:a.b.c.d.
    const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(ip)?.[1];
    const address = mapped ?? ip;
    if (isIPv4(address)) return this.#allow.check(address, "ipv4");
    return isIPv6(address) && this.#allow.check(address, "ipv6");
  }
}
