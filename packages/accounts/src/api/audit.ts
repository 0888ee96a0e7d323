import type { RestApi } from "@tandem/kernel";
import { z } from "zod";
import type { AuditLog } from "../audit/AuditLog.js";
import type { Authenticator } from "../http/Authenticator.js";
import { AuditEntryList } from "../wire/index.js";

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

export function registerAuditRoutes(api: RestApi, deps: { auth: Authenticator; audit: AuditLog }) {
  /** GET /api/v1/admin/audit — the security audit log, newest first (administrators only). */
  api.route({
    method: "GET",
    path: "/admin/audit",
    summary: "The security audit log, newest first (administrators only)",
    who: (request) => deps.auth.requireAdmin(request),
    query: queryOf(deps.audit.actions ?? []),
    responses: { 200: AuditEntryList },
    handler: async ({ query }) => ({ events: await deps.audit.query(query) }),
  });
}
