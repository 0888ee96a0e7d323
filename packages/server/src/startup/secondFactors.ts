import {
  type AccessService,
  type AccountService,
  type AccountsModule,
  type AuditLog,
  type Authenticator,
  type LoginThrottle,
  MfaService,
  PasskeyService,
  registerEnrolmentRoutes,
  registerMfaAdminRoutes,
  registerMfaRoutes,
  registerPasskeyRoutes,
  registerPasskeySignInRoutes,
  registerSessionRoutes,
  type SecondFactorPolicy,
} from "@tandem/accounts";
import type { Database, RestApi } from "@tandem/kernel";

/** Any module that requires a second factor of the account decides (identity: its organisation). */
export function secondFactorPolicyOf(
  modules: AccountsModule[],
  database: Database,
): SecondFactorPolicy {
  return async (user) => {
    for (const module of modules) {
      if (await module.requiresSecondFactor?.(user, database)) return true;
    }
    return false;
  };
}

/**
 * Signing in and second factors: the password step, the second step (code or passkey), the
 * enrolment an organisation can require, the account's factors and an administrator's reset.
 * One MfaService and one PasskeyService shared by all, on the public URL's relying party.
 */
export function registerSignInRoutes(
  api: RestApi,
  context: {
    publicUrl: string;
    database: Database;
    auth: Authenticator;
    accounts: AccountService;
    access: AccessService;
    audit: AuditLog;
  },
  options: { throttle: LoginThrottle; modules: AccountsModule[] },
): void {
  const mfa = new MfaService(context.database);
  const passkeys = new PasskeyService(context.database, { publicUrl: context.publicUrl });
  const shared = { ...context, throttle: options.throttle, mfa, passkeys };
  const requiresSecondFactor = secondFactorPolicyOf(options.modules, context.database);
  registerSessionRoutes(api, { ...shared, requiresSecondFactor });
  registerPasskeySignInRoutes(api, shared);
  registerEnrolmentRoutes(api, shared);
  registerMfaRoutes(api, shared);
  registerPasskeyRoutes(api, shared);
  registerMfaAdminRoutes(api, {
    ...shared,
    endModuleSessions: async (userId) => {
      for (const module of options.modules)
        await module.onSessionsEnded?.(userId, context.database);
    },
  });
}
