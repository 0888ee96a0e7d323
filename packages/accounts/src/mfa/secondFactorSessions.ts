import type { Authenticator } from "../http/Authenticator.js";
import type { MfaService } from "./MfaService.js";
import type { SecondFactorMethod } from "./tables.js";

// Keyed by the server's Authenticator, which every module already receives: the OpenID
// provider can then ask about a session without being handed the MFA service itself.
const services = new WeakMap<Authenticator, MfaService>();

/** Makes `secondFactorOf(auth, …)` answer from this service; the session routes call it. */
export function bindSecondFactors(auth: Authenticator, mfa: MfaService): void {
  services.set(auth, mfa);
}

/**
 * How the session with this id (see `sessionIdOf`) passed a second factor, or undefined
 * when it took none: what the OpenID provider states as `amr`/`acr`.
 */
export async function secondFactorOf(
  auth: Authenticator,
  sessionId: string,
): Promise<SecondFactorMethod | undefined> {
  return services.get(auth)?.sessionMethod(sessionId);
}
