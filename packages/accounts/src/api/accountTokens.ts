import { Forbidden, NotFound, type RestApi, text } from "@tandem/kernel";
import { z } from "zod";
import type { AccessService } from "../accounts/AccessService.js";
import type { AuditLog } from "../audit/AuditLog.js";
import type { Authenticator } from "../http/Authenticator.js";
import { AccessTokenList, CreatedToken } from "../wire/index.js";

const DAY = 86_400_000;

/** A new token, for the scopes this server's modules declared. */
const newTokenOf = (scopes: readonly string[]) =>
  z.object({
    /** What the token is for, shown in the list. */
    name: text(z.string().trim().min(1).max(100)),
    /** Days until it expires (1–365), or null for a token that never expires. */
    expiresInDays: z.number().int().min(1).max(365).nullable(),
    /** What it may be used for: "api" (Tandem's REST API), "admin" (the admin API), a module's. */
    scopes: z.array(z.enum(scopes)).min(1).max(10),
  });

const TokenParams = z.object({
  /** The token's id, as the list gives it. */
  id: z.string().min(1).max(64),
});

export function registerAccountTokenRoutes(
  api: RestApi,
  deps: { auth: Authenticator; access: AccessService; audit: AuditLog },
) {
  const NewToken = newTokenOf(deps.access.scopes.names);
  /**
   * GET /api/v1/account/tokens — the user's personal access tokens not revoked, no secrets,
   * and the scopes the user may give a new one (those this server's modules declared).
   */
  api.route({
    method: "GET",
    path: "/account/tokens",
    summary: "The user's personal access tokens, and the scopes a new one may carry",
    who: (request) => deps.auth.require(request),
    responses: { 200: AccessTokenList },
    handler: async ({ who: { user } }) => ({
      tokens: await deps.access.tokensOf(user),
      scopes: deps.access.scopes.offeredTo(user),
    }),
  });

  /**
   * POST /api/v1/account/tokens — a new personal access token; `token`, the secret, is in
   * this answer only. Made from a browser session only: a token minting tokens could outlive
   * its own revocation or widen its scopes.
   */
  api.route({
    method: "POST",
    path: "/account/tokens",
    summary: "Create a personal access token; its secret is in this answer only",
    who: async (request) => {
      const principal = await deps.auth.require(request);
      if (principal.via !== "session") {
        throw new Forbidden("Create tokens from a signed-in browser session.");
      }
      return principal.user;
    },
    body: NewToken,
    responses: { 201: CreatedToken },
    handler: async ({ who: user, body: input, request }) => {
      for (const scope of input.scopes) {
        if (deps.access.scopes.adminOnly(scope) && user.role !== "admin") {
          throw new Forbidden(`Only administrators may create tokens with the "${scope}" scope.`);
        }
      }
      const expiresAt =
        input.expiresInDays === null ? null : Date.now() + input.expiresInDays * DAY;
      const created = await deps.access.createToken(user, {
        name: input.name,
        expiresAt,
        scopes: input.scopes,
      });
      await deps.audit.recordOwn(request, user, {
        action: "token_created",
        details: { tokenId: created.id, name: input.name, scopes: created.scopes, expiresAt },
      });
      const [token] = (await deps.access.tokensOf(user)).filter((t) => t.id === created.id);
      if (!token) throw new NotFound("No such token.");
      return { ...token, token: created.token };
    },
  });

  /** DELETE /api/v1/account/tokens/:id — revokes one of the user's tokens at once (204). */
  api.route({
    method: "DELETE",
    path: "/account/tokens/:id",
    summary: "Revoke one of the user's tokens at once",
    who: (request) => deps.auth.require(request),
    params: TokenParams,
    responses: { 204: null },
    handler: async ({ who: { user }, params: { id }, request }) => {
      if (!(await deps.access.revokeToken(user, id))) throw new NotFound("No such token.");
      await deps.audit.recordOwn(request, user, {
        action: "token_revoked",
        details: { tokenId: id },
      });
      return undefined;
    },
  });
}
