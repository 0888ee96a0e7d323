import type { Authenticator, Principal } from "@tandem/accounts";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { notFound, ScimError, scimErrorHandler } from "../../scim/errors.js";
import { GroupProvisioner } from "../../scim/GroupProvisioner.js";
import { type ProvisioningContext, UserProvisioner } from "../../scim/UserProvisioner.js";
import { SCIM_CONTENT_TYPE, SCIM_PREFIX } from "../../scim/urns.js";
import { registerDiscoveryRoutes } from "./discovery.js";
import { registerGroupRoutes } from "./groups.js";
import { registerUserRoutes } from "./users.js";

export interface ScimDependencies extends Omit<ProvisioningContext, "baseUrl"> {
  auth: Authenticator;
  publicUrl: string;
}

/** Bodies above this are refused with 413; a group of 10,000 members fits. */
const BODY_LIMIT = 1024 * 1024;

/**
 * SCIM 2.0 at `/scim/v2`, in a Fastify scope of its own: its own body parsers
 * (`application/scim+json` and `application/json`), its own error mapper (SCIM's Error
 * message) and its own 404, so nothing of Tandem's REST conventions leaks in or out.
 * Every request needs an administrator's personal access token with the `scim` scope.
 */
export async function registerScimRoutes(
  http: FastifyInstance,
  deps: ScimDependencies,
): Promise<void> {
  const base = `${deps.publicUrl}${SCIM_PREFIX}`;
  const users = new UserProvisioner({ ...deps, baseUrl: base });
  const groups = new GroupProvisioner(deps.database, base);
  const actorOf = async (request: FastifyRequest) =>
    (await requireProvisioner(deps.auth, request)).user.id;

  await http.register(
    async (scope) => {
      scope.removeAllContentTypeParsers();
      scope.addContentTypeParser(
        ["application/scim+json", "application/json"],
        { parseAs: "string", bodyLimit: BODY_LIMIT },
        scope.getDefaultJsonParser("error", "error"),
      );
      scope.setErrorHandler(scimErrorHandler);
      // Before the body is read: a caller without the right token never gets it parsed.
      scope.addHook("onRequest", async (request, reply) => {
        reply.type(SCIM_CONTENT_TYPE);
        await requireProvisioner(deps.auth, request);
      });
      registerUserRoutes(scope, { users, base, actorOf });
      registerGroupRoutes(scope, { groups, base });
      registerDiscoveryRoutes(scope, base);
      // Tandem's web app answers every other GET path; under /scim/v2 an unknown one is a SCIM 404.
      const unknown = async (request: FastifyRequest) => {
        throw notFound(`no SCIM endpoint ${request.method} ${request.url.split("?")[0]}`);
      };
      scope.all("/", unknown);
      scope.all("/*", unknown);
    },
    { prefix: SCIM_PREFIX },
  );
}

/** A provisioning system acts with an administrator's personal access token, never a cookie. */
async function requireProvisioner(
  auth: Authenticator,
  request: FastifyRequest,
): Promise<Principal> {
  const principal = await auth.principal(request);
  if (principal?.via !== "token") {
    throw new ScimError(
      401,
      undefined,
      "send an administrator's personal access token as `Authorization: Bearer tdm_pat_…`",
    );
  }
  if (principal.user.role !== "admin") {
    throw new ScimError(403, undefined, "only an administrator's token may provision accounts");
  }
  // Every stored token has scopes (migration kernel/0003 gave older ones ["api"]).
  if (principal.scopes && !principal.scopes.includes("scim")) {
    throw new ScimError(403, undefined, 'this personal access token lacks the "scim" scope');
  }
  return principal;
}
