import type {} from "@fastify/cookie";
import { Forbidden, Unauthorized } from "@tandem/kernel";
import type { FastifyReply, FastifyRequest } from "fastify";
import {
  type AccessService,
  InsufficientScope,
  type Principal,
  sessionIdOf,
} from "../accounts/AccessService.js";
import type { Credential } from "../accounts/Revocations.js";
import type { UserRow } from "../accounts/tables.js";

const UNSAFE = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/**
 * Resolves who a request acts for: `Authorization: Bearer <personal access token>` first,
 * then the session cookie. Every module's routes call `require(request)`.
 */
/**
 * Runs when a browser signs out of Tandem, before its session cookie is cleared. It may
 * return a URL the browser must visit next (an upstream provider's end-session endpoint).
 */
export type SignOutHook = (
  request: FastifyRequest,
  reply: FastifyReply,
) => Promise<string | undefined>;

/**
 * Resolves a bearer token Tandem itself did not issue as a personal access token — an
 * OpenID provider's access token — to its user and scopes; undefined when it is not one.
 */
export type BearerResolver = (token: string) => Promise<BearerAccess | undefined>;

interface BearerAccess {
  user: UserRow;
  scopes: string[];
  clientId?: string;
  credential?: Credential;
}

export class Authenticator {
  readonly cookieName: string;
  /** Whether cookies are marked Secure (the public URL is https). */
  readonly secureCookies: boolean;
  readonly #signOutHooks: readonly SignOutHook[];
  readonly #bearerResolvers: readonly BearerResolver[];
  readonly #access: AccessService;
  readonly #secure: boolean;
  readonly #origin: string;
  readonly #resolved = new WeakMap<FastifyRequest, Promise<Principal | null>>();

  /**
   * `bearerTokens` and `signOut`: what the modules declare (an OpenID provider's access
   * tokens, the browser sessions it keeps), collected by the server before anything registers.
   */
  constructor(
    access: AccessService,
    options: { publicUrl: string; bearerTokens?: BearerResolver[]; signOut?: SignOutHook[] },
  ) {
    this.#access = access;
    this.#bearerResolvers = [...(options.bearerTokens ?? [])];
    this.#signOutHooks = [...(options.signOut ?? [])];
    this.#origin = new URL(options.publicUrl).origin;
    this.#secure = this.#origin.startsWith("https:");
    // __Host- binds the cookie to this exact host and path, over https only.
    this.cookieName = this.#secure ? "__Host-tandem_session" : "tandem_session";
    this.secureCookies = this.#secure;
  }

  principal(request: FastifyRequest): Promise<Principal | null> {
    let resolved = this.#resolved.get(request);
    if (!resolved) {
      resolved = this.#resolve(request);
      this.#resolved.set(request, resolved);
    }
    return resolved;
  }

  /** The principal of a request to Tandem's REST API: a token must have the `api` scope. */
  async require(request: FastifyRequest): Promise<Principal> {
    const principal = await this.principal(request);
    if (!principal) throw new Unauthorized();
    if (principal.via === "token" && !principal.scopes?.includes("api")) {
      throw new InsufficientScope("api");
    }
    return principal;
  }

  /**
   * A request guard for a module's own API, whose tokens need the scope `name` (the module
   * declares it in `tokenScopes`); a session passes as with `require`. Asked for at
   * registration, so a scope no module declared stops the start in one line rather than
   * refusing every token at run time.
   */
  scoped(name: string): (request: FastifyRequest) => Promise<Principal> {
    if (!this.#access.scopes.names.includes(name)) {
      throw new Error(`token scope "${name}" is not declared by any module`);
    }
    return async (request) => {
      const principal = await this.principal(request);
      if (!principal) throw new Unauthorized();
      if (principal.via === "token" && !principal.scopes?.includes(name)) {
        throw new InsufficientScope(name);
      }
      return principal;
    };
  }

  /**
   * The principal of a request to the admin API (/api/v1/admin/…): an administrator, and a
   * token must have the `admin` scope. An app's access token never has it: an app an
   * administrator signed in to must not administer the instance with the `api` scope alone.
   */
  async requireAdmin(request: FastifyRequest): Promise<Principal> {
    const principal = await this.principal(request);
    if (!principal) throw new Unauthorized();
    if (principal.user.role !== "admin") throw new Forbidden("Administrators only.");
    const { via, clientId, scopes } = principal;
    if (via === "token" && (clientId !== undefined || !scopes?.includes("admin"))) {
      throw new InsufficientScope("admin");
    }
    return principal;
  }

  /**
   * Cookies ride along on cross-site requests; a state-changing request from another
   * origin is refused (bearer tokens are not sent automatically, so they need no check).
   */
  assertSameOrigin(request: FastifyRequest): void {
    if (!UNSAFE.has(request.method)) return;
    const origin = request.headers.origin;
    const site = request.headers["sec-fetch-site"];
    const ownOrigins = [this.#origin, `${request.protocol}://${request.host}`];
    if ((origin && !ownOrigins.includes(origin)) || site === "cross-site") {
      throw new Forbidden("cross-origin request refused");
    }
  }

  /**
   * The principal of a bearer token handed over outside an HTTP header (a WebSocket's
   * first message); like `require`, only a token with the `api` scope counts.
   */
  async bearer(token: string): Promise<Principal | null> {
    const found = await this.#bearer(token);
    return found?.scopes.includes("api") ? { via: "token", ...found } : null;
  }

  /**
   * A browser session's account, and the session as the credential a connection kept open
   * remembers (the secret read from a cookie outside Fastify).
   */
  async session(secret: string): Promise<{ user: UserRow; credential: Credential } | undefined> {
    const found = await this.#access.sessionFor(secret);
    return found && { user: found.user, credential: found.credential };
  }

  /**
   * Whether a credential checked earlier still works, for connections kept open: an app's
   * access token goes through the same resolvers again (revoked, its grant ended or its
   * account disabled, it is found no more); the kernel checks its own (AccessService.isLive).
   */
  async isLive(credential: Credential): Promise<boolean> {
    if (credential.kind !== "app" || !credential.app) return this.#access.isLive(credential);
    const found = await this.#bearer(credential.app.token);
    return found?.user.id === credential.accountId;
  }

  /** Runs every hook; returns the first URL one asks the browser to visit next. */
  async runSignOutHooks(request: FastifyRequest, reply: FastifyReply): Promise<string | undefined> {
    let next: string | undefined;
    for (const hook of this.#signOutHooks) next ??= (await hook(request, reply)) || undefined;
    return next;
  }

  /** The id of the request's browser session, if it carries one (valid or not). */
  sessionId(request: FastifyRequest): string | undefined {
    const secret = this.sessionSecret(request);
    return secret ? sessionIdOf(secret) : undefined;
  }

  setSessionCookie(reply: FastifyReply, secret: string, expiresAt: number): void {
    reply.setCookie(this.cookieName, secret, {
      path: "/",
      httpOnly: true,
      sameSite: "lax",
      secure: this.#secure,
      expires: new Date(expiresAt),
    });
  }

  clearSessionCookie(reply: FastifyReply): void {
    reply.clearCookie(this.cookieName, { path: "/", secure: this.#secure });
  }

  sessionSecret(request: FastifyRequest): string | undefined {
    return request.cookies[this.cookieName] || undefined;
  }

  async #bearer(token: string): Promise<BearerAccess | undefined> {
    const personal = await this.#access.accessForToken(token);
    if (personal) return personal;
    for (const resolve of this.#bearerResolvers) {
      const found = await resolve(token);
      if (found) return found;
    }
    return undefined;
  }

  async #resolve(request: FastifyRequest): Promise<Principal | null> {
    const header = request.headers.authorization;
    if (header) {
      const match = /^Bearer\s+(\S+)$/i.exec(header);
      const found = match?.[1] ? await this.#bearer(match[1]) : undefined;
      // A wrong token is an error, not a fall-back to the cookie: the caller meant the token.
      if (!found) throw new Unauthorized("The access token is invalid, expired or revoked.");
      return { via: "token", ...found };
    }
    const secret = this.sessionSecret(request);
    if (!secret) return null;
    this.assertSameOrigin(request);
    const session = await this.#access.sessionFor(secret);
    if (!session) return null;
    const { user, signedInAt, credential } = session;
    return { user, via: "session", signedInAt, credential };
  }
}
