import { InvalidRequest, NotFound, type RestApi } from "@tandem/kernel";
import { z } from "zod";
import { type AccessService, publicSessionId } from "../accounts/AccessService.js";
import type { SessionRow } from "../accounts/TokenStore.js";
import type { AuditLog } from "../audit/AuditLog.js";
import type { Authenticator } from "../http/Authenticator.js";
import { AccountSessionList } from "../wire/index.js";

const SessionParams = z.object({
  /** The session's public id, as the list gives it. */
  id: z.string().min(1).max(64),
});

/** The wire shape of a session: its public id only, never the id modules key state by. */
export function presentSession(session: SessionRow, currentId: string | undefined) {
  return {
    id: publicSessionId(session.id),
    createdAt: session.created_at,
    lastSeenAt: session.last_seen_at,
    expiresAt: session.expires_at,
    current: session.id === currentId,
  };
}

export function registerAccountSessionRoutes(
  api: RestApi,
  deps: { auth: Authenticator; access: AccessService; audit: AuditLog },
) {
  /** GET /api/v1/account/sessions — the signed-in user's live browser sessions. */
  api.route({
    method: "GET",
    path: "/account/sessions",
    summary: "The signed-in user's live browser sessions",
    who: (request) => deps.auth.require(request),
    responses: { 200: AccountSessionList },
    handler: async ({ who: { user, via }, request }) => {
      const currentId = via === "session" ? deps.auth.sessionId(request) : undefined;
      const sessions = await deps.access.sessionsOf(user);
      return { sessions: sessions.map((session) => presentSession(session, currentId)) };
    },
  });

  /**
   * DELETE /api/v1/account/sessions/:id — ends one of the user's other sessions (204).
   * Another user's or an unknown id is a 404; the current session ends by signing out,
   * which also ends what other modules keep for it.
   */
  api.route({
    method: "DELETE",
    path: "/account/sessions/:id",
    summary: "End one of the user's other sessions",
    who: (request) => deps.auth.require(request),
    params: SessionParams,
    responses: { 204: null },
    handler: async ({ who: { user, via }, params: { id }, request }) => {
      const currentId = via === "session" ? deps.auth.sessionId(request) : undefined;
      if (currentId && publicSessionId(currentId) === id) {
        throw new InvalidRequest("this is the current session; sign out to end it");
      }
      if (!(await deps.access.endSessionOf(user, id))) throw new NotFound("No such session.");
      await deps.audit.recordOwn(request, user, {
        action: "sign_out",
        details: { session: id, from: "account" },
      });
      return undefined;
    },
  });
}
