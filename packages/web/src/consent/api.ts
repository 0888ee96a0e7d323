import { invalidResponse, isObject, request } from "../api/client";

/** The scopes Tandem's provider grants, as the consent API names them. */
export const SCOPES = [
  "openid",
  "profile",
  "email",
  "organisation",
  "groups",
  "offline_access",
] as const;
export type Scope = (typeof SCOPES)[number];

/** A third-party app's request, as `GET /api/v1/consent/:uid` describes it. */
export interface ConsentRequest {
  interaction: string;
  client: { id: string; name: string; redirectHost: string };
  /** What this answer is about. */
  scopes: Scope[];
  /** Asked for too, but allowed before. */
  granted: Scope[];
}

/** An app the user let in, as `GET /api/v1/account/apps` lists them. */
export interface ConsentedApp {
  clientId: string;
  name: string;
  hosts: string[];
  scopes: Scope[];
  grantedAt: number;
}

const isScope = (value: unknown): value is Scope => SCOPES.includes(value as Scope);
const scopesOf = (value: unknown): Scope[] => (Array.isArray(value) ? value.filter(isScope) : []);
const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];

function parseRequest(value: unknown): ConsentRequest {
  const client = isObject(value) ? value.client : undefined;
  if (
    isObject(value) &&
    typeof value.interaction === "string" &&
    isObject(client) &&
    typeof client.id === "string" &&
    typeof client.name === "string" &&
    typeof client.redirectHost === "string"
  ) {
    return {
      interaction: value.interaction,
      client: { id: client.id, name: client.name, redirectHost: client.redirectHost },
      scopes: scopesOf(value.scopes),
      granted: scopesOf(value.granted),
    };
  }
  return invalidResponse("consent request");
}

function parseApp(value: unknown): ConsentedApp {
  if (
    isObject(value) &&
    typeof value.clientId === "string" &&
    typeof value.name === "string" &&
    typeof value.grantedAt === "number"
  ) {
    const { clientId, name, grantedAt } = value;
    return {
      clientId,
      name,
      grantedAt,
      hosts: strings(value.hosts),
      scopes: scopesOf(value.scopes),
    };
  }
  return invalidResponse("app");
}

/** `GET /api/v1/consent/:uid`. */
export async function fetchConsent(uid: string): Promise<ConsentRequest> {
  return parseRequest(await request("GET", `/api/v1/consent/${encodeURIComponent(uid)}`));
}

/**
 * `POST /api/v1/consent/:uid`: answers the request; returns where the browser resumes the
 * authorization, a path on this site only (never another origin, whatever the server says).
 */
export async function answerConsent(uid: string, decision: "allow" | "deny"): Promise<string> {
  const payload = await request("POST", `/api/v1/consent/${encodeURIComponent(uid)}`, {
    decision,
  });
  const target = isObject(payload) ? payload.redirectTo : undefined;
  if (typeof target === "string" && /^\/oidc\/auth\/[A-Za-z0-9_-]+$/.test(target)) return target;
  return invalidResponse("consent answer");
}

/** `GET /api/v1/account/apps`. */
export async function fetchConsentedApps(): Promise<ConsentedApp[]> {
  const payload = await request("GET", "/api/v1/account/apps");
  const apps = isObject(payload) ? payload.apps : undefined;
  return Array.isArray(apps) ? apps.map(parseApp) : invalidResponse("app list");
}

/** `DELETE /api/v1/account/apps/:clientId`: withdraws the app's access. */
export async function revokeApp(clientId: string): Promise<void> {
  await request("DELETE", `/api/v1/account/apps/${encodeURIComponent(clientId)}`);
}
