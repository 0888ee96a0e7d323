import { invalidResponse, isObject, request } from "./client";

/** One of the user's live browser sessions, as `GET /api/v1/account/sessions` lists them. */
export interface AccountSession {
  id: string;
  createdAt: number;
  lastSeenAt: number;
  expiresAt: number;
  current: boolean;
}

export type TokenScope = "api" | "scim" | "admin";

/** A personal access token without its secret, as `GET /api/v1/account/tokens` lists them. */
export interface AccessToken {
  id: string;
  name: string;
  createdAt: number;
  expiresAt: number | null;
  lastUsedAt: number | null;
  scopes: TokenScope[];
}

const isTime = (value: unknown): value is number => typeof value === "number";
const isTimeOrNull = (value: unknown): value is number | null => value === null || isTime(value);

function parseSession(value: unknown): AccountSession {
  if (
    isObject(value) &&
    typeof value.id === "string" &&
    isTime(value.createdAt) &&
    isTime(value.lastSeenAt) &&
    isTime(value.expiresAt) &&
    typeof value.current === "boolean"
  ) {
    const { id, createdAt, lastSeenAt, expiresAt, current } = value;
    return { id, createdAt, lastSeenAt, expiresAt, current };
  }
  return invalidResponse("session");
}

function parseToken(value: unknown): AccessToken {
  if (
    isObject(value) &&
    typeof value.id === "string" &&
    typeof value.name === "string" &&
    isTime(value.createdAt) &&
    isTimeOrNull(value.expiresAt) &&
    isTimeOrNull(value.lastUsedAt) &&
    Array.isArray(value.scopes)
  ) {
    const scopes = value.scopes.filter(
      (s): s is TokenScope => s === "api" || s === "scim" || s === "admin",
    );
    const { id, name, createdAt, expiresAt, lastUsedAt } = value;
    return { id, name, createdAt, expiresAt, lastUsedAt, scopes };
  }
  return invalidResponse("token");
}

function listOf<T>(payload: unknown, key: string, parse: (value: unknown) => T): T[] {
  const list = isObject(payload) ? payload[key] : undefined;
  return Array.isArray(list) ? list.map(parse) : invalidResponse(`${key} list`);
}

/** `GET /api/v1/account/sessions`. */
export async function fetchSessions(): Promise<AccountSession[]> {
  return listOf(await request("GET", "/api/v1/account/sessions"), "sessions", parseSession);
}

/** `DELETE /api/v1/account/sessions/:id`: ends another session of the user. */
export async function endSession(id: string): Promise<void> {
  await request("DELETE", `/api/v1/account/sessions/${encodeURIComponent(id)}`);
}

/** `GET /api/v1/account/tokens`. */
export async function fetchTokens(): Promise<AccessToken[]> {
  return listOf(await request("GET", "/api/v1/account/tokens"), "tokens", parseToken);
}

/** `POST /api/v1/account/tokens`: the answer holds the secret, shown this once. */
export async function createToken(input: {
  name: string;
  expiresInDays: number | null;
  scopes: TokenScope[];
}): Promise<AccessToken & { token: string }> {
  const payload = await request("POST", "/api/v1/account/tokens", input);
  const token = isObject(payload) ? payload.token : undefined;
  if (typeof token !== "string") return invalidResponse("token");
  return { ...parseToken(payload), token };
}

/** `DELETE /api/v1/account/tokens/:id`. */
export async function revokeToken(id: string): Promise<void> {
  await request("DELETE", `/api/v1/account/tokens/${encodeURIComponent(id)}`);
}

/** `PUT /api/v1/account/password`. */
export async function changePassword(currentPassword: string, newPassword: string): Promise<void> {
  await request("PUT", "/api/v1/account/password", { currentPassword, newPassword });
}
