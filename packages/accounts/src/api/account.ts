import { type Database, type RestApi, TandemError } from "@tandem/kernel";
import { z } from "zod";
import type { AccessService } from "../accounts/AccessService.js";
import type { AccountService } from "../accounts/AccountService.js";
import { LoginThrottle } from "../accounts/LoginThrottle.js";
import type { AuditLog } from "../audit/AuditLog.js";
import type { Authenticator } from "../http/Authenticator.js";
import { registerAccountSessionRoutes } from "./accountSessions.js";
import { registerAccountTokenRoutes } from "./accountTokens.js";

const NewPassword = z.object({
  /** The password in use now, checked (and throttled) like a sign-in. */
  currentPassword: z.string().min(1).max(1024),
  /** The password to use from now on; length and common-password rules apply. */
  newPassword: z.string().min(1).max(1024),
});

export interface AccountRoutesDependencies {
  auth: Authenticator;
  accounts: AccountService;
  access: AccessService;
  audit: AuditLog;
  database: Database;
  /** Defaults to one on `database`; pass the sign-in's so both count the same failures. */
  throttle?: LoginThrottle;
}

/** The signed-in user's own account: password, sessions, personal access tokens. */
export function registerAccountRoutes(api: RestApi, deps: AccountRoutesDependencies) {
  const throttle = deps.throttle ?? new LoginThrottle(deps.database);
  registerAccountSessionRoutes(api, deps);
  registerAccountTokenRoutes(api, deps);

  /**
   * PUT /api/v1/account/password — changes the password (204). The current one is checked
   * through the sign-in throttle; every other session of the user ends, the asking one stays.
   */
  api.route({
    method: "PUT",
    path: "/account/password",
    summary: "Change the password; the user's other sessions end",
    who: (request) => deps.auth.require(request),
    body: NewPassword,
    responses: { 204: null },
    handler: async ({ who: { user, via }, body: input, request }) => {
      const actor = { id: user.id, email: user.email };
      try {
        await deps.accounts.changePassword(user, input, (check) =>
          throttle.guard({ email: user.email, ip: request.ip }, check),
        );
      } catch (error) {
        if (error instanceof TandemError) {
          await deps.audit.record({
            action: "factor_changed",
            outcome: "failure",
            actor,
            subject: user.email,
            ip: request.ip,
            details: { factor: "password", reason: error.code },
          });
        }
        throw error;
      }
      const keep = via === "session" ? deps.auth.sessionId(request) : undefined;
      await deps.access.endOtherSessionsOf(user, keep);
      await deps.audit.record({
        action: "factor_changed",
        outcome: "success",
        actor,
        subject: user.email,
        ip: request.ip,
        details: { factor: "password", otherSessionsEnded: true },
      });
      return undefined;
    },
  });
}
