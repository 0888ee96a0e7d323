import { randomUUID } from "node:crypto";
import type { Database } from "@tandem/kernel";
import type { Kysely } from "kysely";
import type { Logger } from "pino";

/**
 * What happened, in words an auditor filters on. Each module declares its own
 * (`auditActions`, in its `wire` lists); the server hands the union to the log.
 */
export type AuditAction = string;

export interface AuditEvent {
  action: AuditAction;
  outcome: "success" | "failure";
  /** Who acted: the signed-in user, or null for the operator's CLI and anonymous attempts. */
  actor?: { id: string; email: string } | null;
  /** What it was done to: an e-mail, a client id, an organisation… */
  subject?: string | null;
  ip?: string | null;
  details?: Record<string, unknown>;
}

export interface AuditRecord extends Required<Omit<AuditEvent, "actor">> {
  id: string;
  at: number;
  actorId: string | null;
  actorEmail: string | null;
}

export interface AuditQuery {
  action?: AuditAction;
  outcome?: "success" | "failure";
  /** Matches the actor's e-mail or the subject, exactly. */
  who?: string;
  since?: number;
  until?: number;
  limit?: number;
  /** Records older than this one's time (for the next page). */
  before?: number;
}

interface AuditTables {
  audit_events: {
    id: string;
    at: number;
    action: string;
    outcome: string;
    actor_id: string | null;
    actor_email: string | null;
    subject: string | null;
    ip: string | null;
    details: string;
  };
}

/**
 * The security audit log: sign-ins and their failures, factor changes, token revocations
 * and administrators' actions. Writing never fails the action it records: a lost audit
 * line is logged loudly instead.
 */
export class AuditLog {
  readonly #db: Kysely<AuditTables>;
  /** The actions the modules declared; a log made to read (no list) takes any. */
  readonly actions: readonly AuditAction[] | undefined;

  constructor(
    database: Database,
    private readonly log?: Logger,
    actions?: readonly AuditAction[],
  ) {
    this.#db = database.db;
    this.actions = actions && [...actions];
  }

  /**
   * Records what a person did to their own account (a factor, a token, a session): they are
   * both the actor and the subject, from the request's address.
   */
  recordOwn(
    request: { ip: string },
    user: { id: string; email: string },
    event: Pick<AuditEvent, "action" | "details"> & { outcome?: AuditEvent["outcome"] },
  ): Promise<void> {
    return this.record({
      outcome: "success",
      ...event,
      actor: { id: user.id, email: user.email },
      subject: user.email,
      ip: request.ip,
    });
  }

  /** Records an event; with `executor`, inside the caller's transaction (and undone with it). */
  async record(event: AuditEvent, executor: Kysely<AuditTables> = this.#db): Promise<void> {
    if (this.actions && !this.actions.includes(event.action)) {
      // A module recording what it did not declare: written all the same, and said loudly.
      this.log?.error({ audit: event }, `audit action "${event.action}" is declared by no module`);
    }
    try {
      await executor
        .insertInto("audit_events")
        .values({
          id: randomUUID(),
          at: Date.now(),
          action: event.action,
          outcome: event.outcome,
          actor_id: event.actor?.id ?? null,
          actor_email: event.actor?.email ?? null,
          subject: event.subject ?? null,
          ip: event.ip ?? null,
          details: JSON.stringify(event.details ?? {}),
        })
        .execute();
    } catch (error) {
      this.log?.error({ err: error, audit: event }, "could not write an audit event");
    }
  }

  /**
   * How many `action` events an actor caused since a time, and when the oldest of them was:
   * for limits counted in the log itself (invitations per day), so every instance agrees.
   */
  async countSince(
    action: AuditAction,
    actorId: string,
    since: number,
    executor: Kysely<AuditTables> = this.#db,
  ): Promise<{ count: number; oldest: number | null }> {
    const row = await executor
      .selectFrom("audit_events")
      .select((eb) => [eb.fn.countAll().as("count"), eb.fn.min("at").as("oldest")])
      .where("action", "=", action)
      .where("at", ">=", since)
      .where("actor_id", "=", actorId)
      .executeTakeFirst();
    const oldest = row?.oldest;
    return {
      count: Number(row?.count ?? 0),
      oldest: oldest === null || oldest === undefined ? null : Number(oldest),
    };
  }

  /** Newest first, filtered; at most 500 at a time. */
  async query(query: AuditQuery = {}): Promise<AuditRecord[]> {
    let select = this.#db.selectFrom("audit_events").selectAll();
    if (query.action) select = select.where("action", "=", query.action);
    if (query.outcome) select = select.where("outcome", "=", query.outcome);
    if (query.who) {
      const who = query.who;
      select = select.where((eb) => eb.or([eb("actor_email", "=", who), eb("subject", "=", who)]));
    }
    if (query.since !== undefined) select = select.where("at", ">=", query.since);
    if (query.until !== undefined) select = select.where("at", "<", query.until);
    if (query.before !== undefined) select = select.where("at", "<", query.before);
    const rows = await select
      .orderBy("at", "desc")
      .limit(Math.min(Math.max(query.limit ?? 100, 1), 500))
      .execute();
    return rows.map((row) => ({
      id: row.id,
      at: row.at,
      action: row.action,
      outcome: row.outcome as "success" | "failure",
      actorId: row.actor_id,
      actorEmail: row.actor_email,
      subject: row.subject,
      ip: row.ip,
      details: JSON.parse(row.details) as Record<string, unknown>,
    }));
  }
}
