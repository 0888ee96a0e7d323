import { parseInput } from "@tandem/kernel";
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import type { Authenticator } from "../http/Authenticator.js";
import type { AuditLog } from "./AuditLog.js";

const when = z.coerce.number().int().nonnegative();

/** The query, for the actions this server's modules declared. */
const queryOf = (actions: readonly string[]) =>
  z.object({
    /** One kind of event. */
    action: z.enum(actions).optional(),
    /** Only successes or only failures. */
    outcome: z.enum(["success", "failure"]).optional(),
    /** An actor's e-mail or a subject (e-mail, client id…), exactly. */
    who: z.string().max(320).optional(),
    /** From this time on (milliseconds since the epoch). */
    since: when.optional(),
    /** Before this time. */
    until: when.optional(),
    /** For the next page: events older than the last one's `at`. */
    before: when.optional(),
    limit: z.coerce.number().int().min(1).max(500).optional(),
  });

export function registerAuditRoutes(
  http: FastifyInstance,
  deps: { auth: Authenticator; audit: AuditLog },
) {
  const Query = queryOf(deps.audit.actions ?? []);
  /** GET /api/v1/admin/audit — the security audit log, newest first (administrators only). */
  http.get("/api/v1/admin/audit", async (request) => {
    await deps.auth.requireAdmin(request);
    return { events: await deps.audit.query(parseInput(Query, request.query)) };
  });
}
