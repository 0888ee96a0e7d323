import { Forbidden, type RestApi } from "@tandem/kernel";
import type { FastifyRequest } from "fastify";
import { z } from "zod";
import type { AuditLog } from "../audit/AuditLog.js";
import type { Authenticator } from "../http/Authenticator.js";
import type { PasskeyService } from "../mfa/PasskeyService.js";
import { asRegistration, PasskeyName, RegistrationCredential } from "../mfa/passkeyInput.js";
import { Passkey, PasskeyList, PasskeyOptions } from "../wire/index.js";

const Registration = z.object({
  /** What the owner calls it, e.g. "Laptop" or "Security key". */
  name: PasskeyName,
  /** What `navigator.credentials.create` answered. */
  credential: RegistrationCredential,
});

const Rename = z.object({ name: PasskeyName });

const Params = z.object({ id: z.string().min(1).max(1024) });

/**
 * The signed-in user's passkeys. Adding, renaming and removing take a browser session (never
 * a personal access token) and are audited; removing needs no fresh proof, as the session
 * could add a passkey of its own anyway.
 */
export function registerPasskeyRoutes(
  api: RestApi,
  deps: { auth: Authenticator; audit: AuditLog; passkeys: PasskeyService },
) {
  async function sessionUser(request: FastifyRequest) {
    deps.auth.assertSameOrigin(request);
    const principal = await deps.auth.require(request);
    if (principal.via !== "session") throw new Forbidden("Sign in with a browser to change this.");
    return principal.user;
  }

  const audit = (
    request: FastifyRequest,
    user: { id: string; email: string },
    action: "passkey_added" | "passkey_removed" | "factor_changed",
    details: Record<string, unknown>,
    outcome: "success" | "failure" = "success",
  ) => deps.audit.recordOwn(request, user, { action, outcome, details });

  /** GET /api/v1/mfa/passkeys — the user's passkeys, oldest first. */
  api.route({
    method: "GET",
    path: "/mfa/passkeys",
    summary: "The user's passkeys, oldest first",
    who: (request) => deps.auth.require(request),
    responses: { 200: PasskeyList },
    handler: async ({ who: { user } }) => ({ passkeys: await deps.passkeys.list(user.id) }),
  });

  /** POST /api/v1/mfa/passkeys/options — a WebAuthn challenge to register a new passkey. */
  api.route({
    method: "POST",
    path: "/mfa/passkeys/options",
    summary: "A WebAuthn challenge to register a new passkey",
    who: sessionUser,
    responses: { 200: PasskeyOptions },
    handler: async ({ who: user }) => ({ ...(await deps.passkeys.registrationOptions(user)) }),
  });

  /** POST /api/v1/mfa/passkeys — registers the passkey the browser made; 201 with it. */
  api.route({
    method: "POST",
    path: "/mfa/passkeys",
    summary: "Register the passkey the browser made",
    who: sessionUser,
    body: Registration,
    responses: { 201: Passkey },
    handler: async ({ who: user, body: input, request }) => {
      const passkey = await deps.passkeys
        .register(user, input.name, asRegistration(input.credential))
        .catch(async (error: unknown) => {
          await audit(request, user, "passkey_added", { name: input.name }, "failure");
          throw error;
        });
      await audit(request, user, "passkey_added", { name: passkey.name, passkey: passkey.id });
      return passkey;
    },
  });

  /** PATCH /api/v1/mfa/passkeys/:id — renames a passkey; 204. */
  api.route({
    method: "PATCH",
    path: "/mfa/passkeys/:id",
    summary: "Rename a passkey",
    who: sessionUser,
    params: Params,
    body: Rename,
    responses: { 204: null },
    handler: async ({ who: user, params: { id }, body: { name }, request }) => {
      await deps.passkeys.rename(user.id, id, name);
      await audit(request, user, "factor_changed", { factor: "passkey", change: "renamed", name });
      return undefined;
    },
  });

  /** DELETE /api/v1/mfa/passkeys/:id — removes a passkey at once; 204, or 404. */
  api.route({
    method: "DELETE",
    path: "/mfa/passkeys/:id",
    summary: "Remove a passkey at once",
    who: sessionUser,
    params: Params,
    responses: { 204: null },
    handler: async ({ who: user, params: { id }, request }) => {
      const removed = await deps.passkeys.remove(user.id, id);
      await audit(request, user, "passkey_removed", { name: removed.name, passkey: removed.id });
      return undefined;
    },
  });
}
