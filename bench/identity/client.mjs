// The identity benchmark's side of the wire: a lean HTTP client on keep-alive sockets, a
// browser (cookie jar + redirects) and the OAuth requests it times. node:http rather than
// fetch: the load generator shares the machine with the servers, so it should cost little.
import { createHash, randomBytes } from "node:crypto";
import http from "node:http";

export const REDIRECT_URI = "http://127.0.0.1:9/cb";

/** One server's endpoint and a socket pool for it. */
export class Target {
  constructor(name, url, { sockets = 64 } = {}) {
    this.name = name;
    this.url = new URL(url);
    this.agent = new http.Agent({ keepAlive: true, maxSockets: sockets });
  }

  /** One request; resolves with status, headers and the body as text. */
  send(path, { method = "GET", headers = {}, body } = {}) {
    return new Promise((resolve, reject) => {
      const request = http.request(
        {
          agent: this.agent,
          host: this.url.hostname,
          port: this.url.port,
          path,
          method,
          headers:
            body === undefined
              ? headers
              : { ...headers, "content-length": Buffer.byteLength(body) },
        },
        (response) => {
          let text = "";
          response.setEncoding("utf8");
          response.on("data", (chunk) => {
            text += chunk;
          });
          response.on("end", () =>
            resolve({ status: response.statusCode, headers: response.headers, text }),
          );
          response.on("error", reject);
        },
      );
      request.on("error", reject);
      request.end(body);
    });
  }

  close() {
    this.agent.destroy();
  }
}

/** Cookies as a browser keeps them for one origin: by name and path, expired ones dropped. */
export class Browser {
  #cookies = new Map();

  constructor(target) {
    this.target = target;
  }

  /** A second browser holding only the named cookies of this one (e.g. Tandem's session). */
  cloneWith(names) {
    const copy = new Browser(this.target);
    for (const [key, cookie] of this.#cookies) {
      if (names.includes(cookie.name)) copy.#cookies.set(key, { ...cookie });
    }
    return copy;
  }

  cookieHeader(path) {
    const now = Date.now();
    const matching = [...this.#cookies.values()]
      .filter((c) => c.expires === undefined || c.expires > now)
      .filter(
        (c) =>
          path === c.path ||
          (path.startsWith(c.path) && (c.path.endsWith("/") || path[c.path.length] === "/")),
      )
      .sort((a, b) => b.path.length - a.path.length);
    return matching.map((c) => `${c.name}=${c.value}`).join("; ");
  }

  /** A request with this browser's cookies; keeps the cookies it sets. Never follows redirects. */
  async send(path, options = {}) {
    const cookie = this.cookieHeader(path.split("?")[0]);
    const headers = { ...(options.headers ?? {}), ...(cookie ? { cookie } : {}) };
    const response = await this.target.send(path, { ...options, headers });
    for (const line of response.headers["set-cookie"] ?? []) this.#store(path, line);
    return response;
  }

  /** Follows redirects from `path` until one leads to the client's redirect URI; returns that URL. */
  async authorize(path) {
    let current = path;
    for (let hop = 0; hop < 10; hop++) {
      const response = await this.send(current);
      const location = response.headers.location;
      if (response.status < 300 || response.status > 399 || !location) {
        throw new Error(
          `authorization stopped at ${current} with ${response.status}: ${response.text.slice(0, 300)}`,
        );
      }
      const next = new URL(location, this.target.url);
      if (next.href.startsWith(REDIRECT_URI)) return next;
      if (next.origin !== this.target.url.origin)
        throw new Error(`redirected away to ${next.href}`);
      current = next.pathname + next.search;
    }
    throw new Error(`too many redirects from ${path}`);
  }

  #store(requestPath, line) {
    const [pair = "", ...attributes] = line.split(";");
    const equals = pair.indexOf("=");
    if (equals <= 0) return;
    const pathname = requestPath.split("?")[0];
    const slash = pathname.lastIndexOf("/");
    const cookie = {
      name: pair.slice(0, equals).trim(),
      value: pair.slice(equals + 1).trim(),
      path: slash <= 0 ? "/" : pathname.slice(0, slash),
    };
    for (const attribute of attributes) {
      const [key = "", ...rest] = attribute.split("=");
      const value = rest.join("=").trim();
      const name = key.trim().toLowerCase();
      if (name === "path" && value.startsWith("/")) cookie.path = value;
      else if (name === "expires" && !attributes.some((a) => /^\s*max-age=/i.test(a))) {
        cookie.expires = Date.parse(value);
      } else if (name === "max-age") cookie.expires = Date.now() + Number(value) * 1000;
    }
    const key = `${cookie.path}\u0000${cookie.name}`;
    if (cookie.expires !== undefined && cookie.expires <= Date.now()) this.#cookies.delete(key);
    else this.#cookies.set(key, cookie);
  }
}

/** The client's credentials and the headers that carry them (client_secret_basic). */
export function clientAuth(clientId, clientSecret) {
  const pair = `${encodeURIComponent(clientId)}:${encodeURIComponent(clientSecret)}`;
  return {
    clientId,
    headers: {
      authorization: `Basic ${Buffer.from(pair).toString("base64")}`,
      "content-type": "application/x-www-form-urlencoded",
    },
  };
}

/** An authorization request with PKCE S256, state and nonce. */
export function authorizationRequest(client, params = {}) {
  const verifier = randomBytes(32).toString("base64url");
  const state = randomBytes(16).toString("base64url");
  const query = new URLSearchParams({
    client_id: client.clientId,
    redirect_uri: REDIRECT_URI,
    response_type: "code",
    scope: "openid profile email",
    code_challenge: createHash("sha256").update(verifier).digest("base64url"),
    code_challenge_method: "S256",
    state,
    nonce: randomBytes(16).toString("base64url"),
    ...params,
  });
  return { path: `/oidc/auth?${query}`, verifier, state };
}

/** POST /oidc/token; the parsed answer, or an error naming what came back. */
export async function tokenRequest(target, client, form) {
  const response = await target.send("/oidc/token", {
    method: "POST",
    headers: client.headers,
    body: new URLSearchParams(form).toString(),
  });
  if (response.status !== 200) {
    throw new Error(`token endpoint answered ${response.status}: ${response.text.slice(0, 300)}`);
  }
  return JSON.parse(response.text);
}

/** Exchanges the code of a callback URL (checking its state) for tokens, with the PKCE verifier. */
export function exchangeCode(target, client, callback, request) {
  const code = callback.searchParams.get("code");
  if (!code || callback.searchParams.get("state") !== request.state) {
    throw new Error(`no code for this request in ${callback.href}`);
  }
  return tokenRequest(target, client, {
    grant_type: "authorization_code",
    code,
    redirect_uri: REDIRECT_URI,
    code_verifier: request.verifier,
  });
}

/** Refresh tokens need offline_access, which oidc-provider grants only with prompt=consent. */
export const OFFLINE = { scope: "openid offline_access", prompt: "consent" };
