export {
  AccessService,
  InsufficientScope,
  type Principal,
  publicSessionId,
  sessionIdOf,
  TOKEN_PREFIX,
  type TokenInfo,
} from "./accounts/AccessService.js";
export {
  type AccountDescription,
  AccountDirectory,
  type AccountDirectorySource,
  type AccountGroup,
  type AccountOrganisation,
} from "./accounts/AccountDirectory.js";
export {
  AccountService,
  type NewUser,
  normaliseEmail,
  presentUser,
} from "./accounts/AccountService.js";
export {
  LoginThrottle,
  type LoginThrottleOptions,
  TooManyAttempts,
} from "./accounts/LoginThrottle.js";
export { kernelMigrations } from "./accounts/migrations.js";
export {
  type Credential,
  type Revocation,
  Revocations,
  revokes,
} from "./accounts/Revocations.js";
export {
  PASSWORD_MAX,
  PASSWORD_MIN,
  passwordProblem,
  passwordRefusal,
} from "./accounts/secrets.js";
export { type TokenScope, TokenScopes } from "./accounts/TokenScopes.js";
export type { KernelTables, UserRow } from "./accounts/tables.js";
export { type AccountRoutesDependencies, registerAccountRoutes } from "./api/account.js";
export { registerMfaAdminRoutes } from "./api/adminSecondFactors.js";
export { registerAuditRoutes } from "./api/audit.js";
export { registerInstanceRoutes } from "./api/instances.js";
export { registerMeRoutes } from "./api/me.js";
export { ACCOUNTS_API, createAccountsApi, signedInSecurity } from "./api/openapi.js";
export { registerPasskeyRoutes } from "./api/passkeys.js";
export { registerMfaRoutes } from "./api/secondFactors.js";
export { registerSessionRoutes } from "./api/session.js";
export { registerEnrolmentRoutes } from "./api/sessionEnrolment.js";
export {
  PASSKEY_OPTIONS_PER_MINUTE,
  registerPasskeySignInRoutes,
} from "./api/sessionPasskey.js";
export {
  type AuditAction,
  type AuditEvent,
  AuditLog,
  type AuditQuery,
  type AuditRecord,
} from "./audit/AuditLog.js";
export { auditMigrations } from "./audit/migrations.js";
export { type AccountsConfig, accountsOptions } from "./config.js";
export { Authenticator, type BearerResolver, type SignOutHook } from "./http/Authenticator.js";
export { localAssurance } from "./mfa/assurance.js";
export {
  codeThrottleKey,
  InvalidChallenge,
  InvalidCode,
  MfaService,
  type MfaServiceOptions,
  type MfaStatus,
  type SecondStepMethod,
} from "./mfa/MfaService.js";
export { MfaStore } from "./mfa/MfaStore.js";
export { mfaMigrations } from "./mfa/migrations.js";
export {
  InvalidPasskey,
  type PasskeyInfo,
  PasskeyService,
} from "./mfa/PasskeyService.js";
export { noSecondFactorPolicy, type SecondFactorPolicy } from "./mfa/SecondFactorPolicy.js";
export { bindSecondFactors, secondFactorOf } from "./mfa/secondFactorSessions.js";
export type { MfaTables, SecondFactorMethod } from "./mfa/tables.js";
export { matchingStep, newTotpSecret, stepAt, TOTP_PERIOD_S, totpCodeAt } from "./mfa/totp.js";
export type { AccountsContext, AccountsModule, NewAccount } from "./module/AccountsModule.js";
export {
  ACCOUNTS_AUDIT_ACTIONS,
  ACCOUNTS_TOKEN_SCOPES,
  type AccountDeclarationLists,
  type AccountsAuditAction,
  type TokenScopeDeclaration,
} from "./wire/index.js";
