import { randomUUID } from "node:crypto";
import { Conflict, type Database, InvalidRequest, NotFound } from "@tandem/kernel";
import type { Kysely } from "kysely";
import type { IdentityTables } from "../storage/tables.js";

type Row = IdentityTables["upstream_providers"];

export interface Upstream {
  id: string;
  name: string;
  issuer: string;
  clientId: string;
  clientSecret: string;
  profile: Row["profile"];
  domains: string[];
  federation: string;
}

export type NewUpstream = Omit<Upstream, "id">;

const DOMAIN = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

/** The upstream identity providers, and which e-mail domains each vouches for. */
export class UpstreamStore {
  readonly #db: Kysely<IdentityTables>;

  constructor(database: Database) {
    this.#db = database.db;
  }

  async add(input: NewUpstream): Promise<Upstream> {
    const issuer = input.issuer.replace(/\/+$/, "");
    let url: URL;
    try {
      url = new URL(issuer);
    } catch {
      throw new InvalidRequest(`issuer "${input.issuer}" is not a URL`);
    }
    const loopback = ["localhost", "127.0.0.1", "[::1]"].includes(url.hostname);
    if (url.protocol !== "https:" && !(url.protocol === "http:" && loopback)) {
      throw new InvalidRequest(`issuer "${input.issuer}" must use https`);
    }
    if (!["proconnect", "oidc"].includes(input.profile)) {
      throw new InvalidRequest(`profile "${input.profile}" is not proconnect or oidc`);
    }
    const domains = [...new Set(input.domains.map((d) => d.trim().toLowerCase()).filter(Boolean))];
    if (domains.length === 0)
      throw new InvalidRequest("an upstream provider needs at least one e-mail domain");
    for (const domain of domains) {
      if (!DOMAIN.test(domain)) throw new InvalidRequest(`"${domain}" is not an e-mail domain`);
      const owner = await this.forDomain(domain);
      if (owner) throw new Conflict(`domain ${domain} is already bound to ${owner.name}`);
    }
    const federation = input.federation.trim().toUpperCase();
    if (!/^[A-Z]{2}$/.test(federation))
      throw new InvalidRequest(`federation "${input.federation}" is not a two-letter country code`);
    if (!input.clientId.trim() || !input.clientSecret.trim())
      throw new InvalidRequest("client id and secret are required");
    const existing = await this.#db
      .selectFrom("upstream_providers")
      .select("id")
      .where("issuer", "=", issuer)
      .executeTakeFirst();
    if (existing) throw new Conflict(`an upstream provider with issuer ${issuer} exists`);
    const row: Row = {
      id: randomUUID(),
      name: input.name.trim() || issuer,
      issuer,
      client_id: input.clientId.trim(),
      client_secret: input.clientSecret.trim(),
      profile: input.profile,
      domains: JSON.stringify(domains),
      federation,
      created_at: Date.now(),
    };
    await this.#db.insertInto("upstream_providers").values(row).execute();
    return present(row);
  }

  async list(): Promise<Upstream[]> {
    const rows = await this.#db
      .selectFrom("upstream_providers")
      .selectAll()
      .orderBy("created_at")
      .execute();
    return rows.map(present);
  }

  async byId(id: string): Promise<Upstream> {
    const row = await this.#db
      .selectFrom("upstream_providers")
      .selectAll()
      .where("id", "=", id)
      .executeTakeFirst();
    if (!row) throw new NotFound(`no upstream provider ${id}`);
    return present(row);
  }

  /**
   * Stops brokering a provider. Accounts it made stay (with their links, so adding the
   * provider again finds them); the sessions opened through it no longer sign out there.
   */
  async remove(id: string): Promise<Upstream> {
    const removed = await this.byId(id);
    await this.#db.transaction().execute(async (trx) => {
      await trx.deleteFrom("federated_sessions").where("upstream_id", "=", id).execute();
      await trx.deleteFrom("upstream_providers").where("id", "=", id).execute();
    });
    return removed;
  }

  /** The provider bound to an e-mail's domain, if any. */
  async forDomain(domain: string): Promise<Upstream | undefined> {
    const wanted = domain.trim().toLowerCase();
    return (await this.list()).find((u) => u.domains.includes(wanted));
  }
}

function present(row: Row): Upstream {
  return {
    id: row.id,
    name: row.name,
    issuer: row.issuer,
    clientId: row.client_id,
    clientSecret: row.client_secret,
    profile: row.profile,
    domains: JSON.parse(row.domains) as string[],
    federation: row.federation,
  };
}

/** The domain part of an e-mail address, lower-cased. */
export function domainOf(email: string): string {
  return email
    .slice(email.lastIndexOf("@") + 1)
    .trim()
    .toLowerCase();
}
