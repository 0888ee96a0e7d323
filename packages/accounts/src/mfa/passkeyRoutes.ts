import { Forbidden, parseInput } from "@tandem/kernel";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { z } from "zod";
import type { AuditLog } from "../audit/AuditLog.js";
import type { Authenticator } from "../http/Authenticator.js";
import type { PasskeyService } from "./PasskeyService.js";
import { asRegistration, PasskeyName, RegistrationCredential } from "./passkeyInput.js";

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
  http: FastifyInstance,
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
  ) =>
    deps.audit.record({
      action,
      outcome,
      actor: { id: user.id, email: user.email },
      subject: user.email,
      ip: request.ip,
      details,
    });

  /** GET /api/v1/mfa/passkeys — the user's passkeys, oldest first. */
  http.get("/api/v1/mfa/passkeys", async (request) => {
    const { user } = await deps.auth.require(request);
    return { passkeys: await deps.passkeys.list(user.id) };
  });

  /** POST /api/v1/mfa/passkeys/options — a WebAuthn challenge to register a new passkey. */
  http.post("/api/v1/mfa/passkeys/options", async (request) =>
    deps.passkeys.registrationOptions(await sessionUser(request)),
  );

  /** POST /api/v1/mfa/passkeys — registers the passkey the browser made; 201 with it. */
  http.post("/api/v1/mfa/passkeys", async (request, reply) => {
    const user = await sessionUser(request);
    const input = parseInput(Registration, request.body);
    const passkey = await deps.passkeys
      .register(user, input.name, asRegistration(input.credential))
      .catch(async (error: unknown) => {
        await audit(request, user, "passkey_added", { name: input.name }, "failure");
        throw error;
      });
    await audit(request, user, "passkey_added", { name: passkey.name, passkey: passkey.id });
    return reply.status(201).send(passkey);
  });

  /** PATCH /api/v1/mfa/passkeys/:id — renames a passkey; 204. */
  http.patch("/api/v1/mfa/passkeys/:id", async (request, reply) => {
    const user = await sessionUser(request);
    const { id } = parseInput(Params, request.params);
    const { name } = parseInput(Rename, request.body);
    await deps.passkeys.rename(user.id, id, name);
    await audit(request, user, "factor_changed", { factor: "passkey", change: "renamed", name });
    return reply.status(204).send();
  });

  /** DELETE /api/v1/mfa/passkeys/:id — removes a passkey at once; 204, or 404. */
  http.delete("/api/v1/mfa/passkeys/:id", async (request, reply) => {
    const user = await sessionUser(request);
    const { id } = parseInput(Params, request.params);
    const removed = await deps.passkeys.remove(user.id, id);
    await audit(request, user, "passkey_removed", { name: removed.name, passkey: removed.id });
    return reply.status(204).send();
  });
}
