/**
 * A browser, as far as an OpenID provider can tell: it keeps cookies per origin and path,
 * and follows an authorization request's redirects one by one (`redirect: "manual"`), so a
 * test sees where the provider sends the user and can stop at the client's redirect URI,
 * which no server needs to answer.
 */

interface StoredCookie {
  name: string;
  value: string;
  path: string;
  /** Milliseconds since the epoch; undefined for a session cookie. */
  expires?: number;
}

/** Where a chain of redirects ended: the last URL asked for and its answer, body read. */
export interface FollowedResponse {
  url: URL;
  status: number;
  headers: Headers;
  body: string;
  /** The Location of the last answer when it was a redirect (the chain stopped there). */
  location?: URL;
}

/** An authorization request that did not come back to the client's redirect URI. */
export class AuthorizationStopped extends Error {
  override name = "AuthorizationStopped";
  constructor(readonly response: FollowedResponse) {
    super(
      `authorization stopped at ${response.url.href} with ${response.status}` +
        (response.location ? ` (redirect to ${response.location.href})` : "") +
        `: ${response.body.slice(0, 300)}`,
    );
  }
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

export class OidcUserAgent {
  readonly #jars = new Map<string, Map<string, StoredCookie>>();

  /** Signs in to Tandem as its sign-in page does; keeps the session cookie. */
  async signIn(baseUrl: string, email: string, password: string): Promise<void> {
    const response = await this.fetch(new URL("/api/v1/session", baseUrl), {
      method: "POST",
      headers: { origin: new URL(baseUrl).origin, "content-type": "application/json" },
      body: JSON.stringify({ email, password }),
    });
    if (response.status !== 200) {
      throw new Error(`sign-in failed with ${response.status}: ${await response.text()}`);
    }
  }

  /** One request with this agent's cookies; the cookies it sets are kept. Never follows redirects. */
  async fetch(url: URL | string, init: RequestInit = {}): Promise<Response> {
    const target = new URL(url);
    const headers = new Headers(init.headers);
    const cookie = this.cookieHeader(target);
    if (cookie) headers.set("cookie", cookie);
    const response = await fetch(target, { ...init, headers, redirect: "manual" });
    for (const line of response.headers.getSetCookie()) this.#store(target, line);
    return response;
  }

  /**
   * Follows redirects from `url` until one points where `stop` says, or an answer is not a
   * redirect. The stopping redirect's target is not requested.
   */
  async follow(
    url: URL | string,
    stop: (next: URL) => boolean,
    options: { maxHops?: number } = {},
  ): Promise<FollowedResponse> {
    let current = new URL(url);
    let init: RequestInit = {};
    for (let hop = 0; hop < (options.maxHops ?? 20); hop += 1) {
      const response = await this.fetch(current, init);
      const body = await response.text();
      const header = response.headers.get("location");
      if (!REDIRECTS.has(response.status) || !header) {
        return { url: current, status: response.status, headers: response.headers, body };
      }
      const location = new URL(header, current);
      if (stop(location)) {
        return { url: current, status: response.status, headers: response.headers, body, location };
      }
      // 307/308 would repeat a POST; the provider's redirects here are all GETs.
      current = location;
      init = {};
    }
    throw new Error(`more than ${options.maxHops ?? 20} redirects from ${new URL(url).href}`);
  }

  /**
   * Runs an authorization request to its end and returns the URL the provider sent the user
   * back to (the client's redirect URI with `code` or `error`).
   * Throws AuthorizationStopped when the chain ends anywhere else (an error page, the sign-in page).
   */
  async authorize(authorizationUrl: URL | string, redirectUri: string): Promise<URL> {
    const result = await this.follow(authorizationUrl, (next) =>
      sameEndpoint(next, new URL(redirectUri)),
    );
    if (!result.location) throw new AuthorizationStopped(result);
    return result.location;
  }

  /** The Cookie header this agent would send to `url`. */
  cookieHeader(url: URL | string): string {
    const target = new URL(url);
    const jar = this.#jars.get(target.origin);
    if (!jar) return "";
    const now = Date.now();
    const matching = [...jar.values()]
      .filter((c) => c.expires === undefined || c.expires > now)
      .filter((c) => pathMatches(target.pathname, c.path))
      // Longer paths first, as browsers send them.
      .sort((a, b) => b.path.length - a.path.length);
    return matching.map((c) => `${c.name}=${c.value}`).join("; ");
  }

  /** The value of a cookie this agent holds for `url`, if any. */
  cookie(url: URL | string, name: string): string | undefined {
    const target = new URL(url);
    const jar = this.#jars.get(target.origin);
    return [...(jar?.values() ?? [])].find(
      (c) => c.name === name && pathMatches(target.pathname, c.path),
    )?.value;
  }

  #store(from: URL, line: string): void {
    const [pair = "", ...attributes] = line.split(";");
    const equals = pair.indexOf("=");
    if (equals <= 0) return;
    const cookie: StoredCookie = {
      name: pair.slice(0, equals).trim(),
      value: pair.slice(equals + 1).trim(),
      path: defaultPath(from.pathname),
    };
    for (const attribute of attributes) {
      const [key = "", ...rest] = attribute.split("=");
      const value = rest.join("=").trim();
      switch (key.trim().toLowerCase()) {
        case "path":
          if (value.startsWith("/")) cookie.path = value;
          break;
        case "expires":
          // Max-Age wins over Expires when both are given.
          if (!attributes.some((a) => /^\s*max-age=/i.test(a))) {
            cookie.expires = Date.parse(value);
          }
          break;
        case "max-age":
          cookie.expires = Date.now() + Number(value) * 1000;
          break;
      }
    }
    let jar = this.#jars.get(from.origin);
    if (!jar) {
      jar = new Map();
      this.#jars.set(from.origin, jar);
    }
    const key = `${cookie.path}\u0000${cookie.name}`;
    if (cookie.expires !== undefined && cookie.expires <= Date.now()) jar.delete(key);
    else jar.set(key, cookie);
  }
}

/** Same origin and path: where a redirect URI is, whatever query the provider added. */
export function sameEndpoint(a: URL, b: URL): boolean {
  return a.origin === b.origin && a.pathname === b.pathname;
}

/** RFC 6265 §5.1.4. */
function pathMatches(requestPath: string, cookiePath: string): boolean {
  if (requestPath === cookiePath) return true;
  if (!requestPath.startsWith(cookiePath)) return false;
  return cookiePath.endsWith("/") || requestPath[cookiePath.length] === "/";
}

/** RFC 6265 §5.1.4: the request path up to its last slash. */
function defaultPath(requestPath: string): string {
  const slash = requestPath.lastIndexOf("/");
  return slash <= 0 ? "/" : requestPath.slice(0, slash);
}
