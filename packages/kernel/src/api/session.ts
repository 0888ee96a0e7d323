import type { FastifyInstance } from "fastify";
import { z } from "zod";
import type { AccessService } from "../accounts/AccessService.js";
import { type AccountService, presentUser } from "../accounts/AccountService.js";
import type { Authenticator } from "../http/Authenticator.js";
import { parseInput } from "../http/parseInput.js";

const SignIn = z.object({
  /** The account's e-mail address. */
  email: z.string().min(1).max(320),
  /** The account's password; length rules apply when it is set, not here. */
  password: z.string().min(1).max(1024),
});

export function registerSessionRoutes(
  app: FastifyInstance,
  deps: { accounts: AccountService; access: AccessService; auth: Authenticator },
) {
  /** POST /api/v1/session — sign in with e-mail and password; sets the session cookie. */
  app.post("/api/v1/session", async (request, reply) => {
    deps.auth.assertSameOrigin(request);
    const input = parseInput(SignIn, request.body);
    const user = await deps.accounts.checkPassword(input.email, input.password);
    const previous = deps.auth.sessionSecret(request);
    if (previous) await deps.access.endSession(previous);
    const session = await deps.access.createSession(user);
    deps.auth.setSessionCookie(reply, session.secret, session.expiresAt);
    request.log.info({ userId: user.id }, "signed in");
    return { user: presentUser(user) };
  });

  /** DELETE /api/v1/session — sign out: the session ends on the server, not only in the browser. */
  app.delete("/api/v1/session", async (request, reply) => {
    deps.auth.assertSameOrigin(request);
    const secret = deps.auth.sessionSecret(request);
    if (secret) await deps.access.endSession(secret);
    await deps.auth.runSignOutHooks(request, reply);
    deps.auth.clearSessionCookie(reply);
    return reply.status(204).send();
  });
}
