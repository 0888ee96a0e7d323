import { NotFound, type RestApi } from "@tandem/kernel";
import { z } from "zod";
import type { AccessService } from "../accounts/AccessService.js";
import type { AccountService } from "../accounts/AccountService.js";
import type { AuditLog } from "../audit/AuditLog.js";
import type { Authenticator } from "../http/Authenticator.js";
import type { MfaService } from "../mfa/MfaService.js";

const Params = z.object({
  /** The account's id, as the admin API lists it. */
  userId: z.string().min(1).max(200),
});

export function registerMfaAdminRoutes(
  api: RestApi,
  deps: {
    auth: Authenticator;
    accounts: AccountService;
    access: AccessService;
    audit: AuditLog;
    mfa: MfaService;
    /** Ends what other modules hold for the account (apps' sessions at the OpenID provider). */
    endModuleSessions?: (userId: string) => Promise<void>;
  },
) {
  /**
   * DELETE /api/v1/admin/users/:userId/second-factors — for a user who lost their factors:
   * removes the app, recovery codes and passkeys, and ends the user's sessions, Tandem's and the
   * apps' (administrators only; 204). It bypasses nothing: an account whose organisation requires a second factor
   * must enrol a new one at its next sign-in.
   */
  api.route({
    method: "DELETE",
    path: "/admin/users/:userId/second-factors",
    summary: "Reset a user's second factors and end their sessions (administrators only)",
    who: async (request) => {
      deps.auth.assertSameOrigin(request);
      return (await deps.auth.requireAdmin(request)).user;
    },
    params: Params,
    responses: { 204: null },
    handler: async ({ who: admin, params: { userId }, request }) => {
      const user = await deps.accounts.users.byId(userId);
      if (!user) throw new NotFound("No such user.");
      await deps.mfa.resetAll(user.id);
      await deps.access.endSessionsOf(user);
      await deps.endModuleSessions?.(user.id);
      await deps.audit.record({
        action: "second_factors_reset",
        outcome: "success",
        actor: { id: admin.id, email: admin.email },
        subject: user.email,
        ip: request.ip,
        details: { userId: user.id },
      });
      return undefined;
    },
  });
}
