import { SignedIn, SignOutNext, User } from "@tandem/accounts/wire";
import { Discovery } from "@tandem/identity/wire";
import { AppEntry } from "@tandem/kernel/wire";
import i18n from "i18next";
import type { z } from "zod";

export { AppEntry, Discovery, User };

/** A failed call: `status` 0 means the server could not be reached at all. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}

export function parseUser(value: unknown): User {
  const parsed = User.safeParse(value);
  if (parsed.success) return parsed.data;
  throw new ApiError(200, "invalid_response", "The server sent an unexpected user shape");
}

function parseApps(value: unknown): AppEntry[] {
  if (!isObject(value) || !Array.isArray(value.apps)) {
    throw new ApiError(200, "invalid_response", "The server sent an unexpected app list");
  }
  // One entry this client cannot read leaves the others usable.
  return value.apps.flatMap((app: unknown) => {
    const parsed = AppEntry.safeParse(app);
    return parsed.success ? [parsed.data] : [];
  });
}

/**
 * Only a path on this site is followed, never another origin even if the server named one:
 * no `//host` or `/\host`, and no whitespace, which browsers strip before resolving.
 */
function isLocalPath(url: string): boolean {
  return /^\/(?![/\\])\S*$/.test(url);
}

/**
 * How an e-mail address signs in, as `GET /api/v1/auth/discover` answers (the wire's
 * Discovery), followed only to a path on this site.
 */
function parseDiscovery(value: unknown): Discovery {
  const discovery = parseAs(Discovery, value, "sign-in method");
  if (discovery.method === "redirect" && !isLocalPath(discovery.url)) {
    return invalidResponse("sign-in method");
  }
  return discovery;
}

async function readJson(response: Response): Promise<unknown> {
  try {
    return await response.json();
  } catch {
    return undefined;
  }
}

/** A response whose shape is not what the API promises: a server or version mismatch. */
export function invalidResponse(what: string): never {
  throw new ApiError(200, "invalid_response", `The server sent an unexpected ${what}`);
}

/**
 * The answer as the server's own wire schema reads it (`@tandem/<module>/wire`): anything
 * else is a server or version mismatch.
 */
export function parseAs<S extends z.ZodType>(schema: S, value: unknown, what: string): z.output<S> {
  const parsed = schema.safeParse(value);
  return parsed.success ? parsed.data : invalidResponse(what);
}

/** Same-origin JSON; `{ error, message }` failures become ApiError. Every API module calls through it. */
export async function request(method: string, path: string, body?: unknown): Promise<unknown> {
  const headers: Record<string, string> = { Accept: "application/json" };
  // The language chosen in the app, not only the browser's: e-mails the server sends on the
  // user's behalf (docs' invitations) are written in it.
  const language = i18n.resolvedLanguage ?? i18n.language;
  if (language) headers["Accept-Language"] = language;
  const init: RequestInit = { method, headers, credentials: "same-origin" };
  // A Content-Type on a body-less request would make the server try to parse an empty body.
  if (body !== undefined) {
    headers["Content-Type"] = "application/json";
    init.body = JSON.stringify(body);
  }
  let response: Response;
  try {
    response = await fetch(path, init);
  } catch (cause) {
    throw new ApiError(0, "network_error", cause instanceof Error ? cause.message : String(cause));
  }
  const payload = response.status === 204 ? undefined : await readJson(response);
  if (!response.ok) {
    const code =
      isObject(payload) && typeof payload.error === "string" ? payload.error : "http_error";
    const message =
      isObject(payload) && typeof payload.message === "string"
        ? payload.message
        : response.statusText;
    throw new ApiError(response.status, code, message);
  }
  return payload;
}

/** `GET /api/v1/me`: the current user, or null when nobody is signed in. */
export async function fetchMe(): Promise<User | null> {
  try {
    return parseUser(await request("GET", "/api/v1/me"));
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

/** `GET /api/v1/auth/discover`: how this e-mail address signs in (400 when it is malformed). */
export async function discover(email: string): Promise<Discovery> {
  const query = new URLSearchParams({ email });
  return parseDiscovery(await request("GET", `/api/v1/auth/discover?${query}`));
}

/** `POST /api/v1/session`: signs in; the server sets the session cookie. */
export async function signIn(email: string, password: string): Promise<User> {
  const payload = await request("POST", "/api/v1/session", { email, password });
  return parseAs(SignedIn, payload, "user shape").user;
}

/** `DELETE /api/v1/session`: ends the session on the server. */
export async function signOut(): Promise<{ next: string | null }> {
  const payload = await request("DELETE", "/api/v1/session");
  // Signed in through an upstream provider: its sign-out page is the next stop, on this
  // site's word only (a path here or an absolute http(s) URL the server chose).
  const parsed = SignOutNext.safeParse(payload);
  const next = parsed.success ? parsed.data.next : null;
  return { next: next && /^https?:\/\//.test(next) ? next : null };
}

/** `GET /api/v1/apps`: the apps enabled on this server. */
export async function fetchApps(): Promise<AppEntry[]> {
  return parseApps(await request("GET", "/api/v1/apps"));
}
