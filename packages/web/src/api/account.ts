import {
  type AccessToken,
  AccessTokenList,
  type AccountSession,
  AccountSessionList,
  CreatedToken,
  type TokenScopeOption,
} from "@tandem/accounts/wire";
import { parseAs, request } from "./client";

export type { AccessToken, AccountSession, TokenScopeOption };

/** `GET /api/v1/account/sessions`. */
export async function fetchSessions(): Promise<AccountSession[]> {
  const payload = await request("GET", "/api/v1/account/sessions");
  return parseAs(AccountSessionList, payload, "sessions list").sessions;
}

/** `DELETE /api/v1/account/sessions/:id`: ends another session of the user. */
export async function endSession(id: string): Promise<void> {
  await request("DELETE", `/api/v1/account/sessions/${encodeURIComponent(id)}`);
}

/** `GET /api/v1/account/tokens`: the tokens, and the scopes this user may give a new one. */
export async function fetchTokens(): Promise<{
  tokens: AccessToken[];
  scopes: TokenScopeOption[];
}> {
  const payload = await request("GET", "/api/v1/account/tokens");
  return parseAs(AccessTokenList, payload, "tokens list");
}

/** `POST /api/v1/account/tokens`: the answer holds the secret, shown this once. */
export async function createToken(input: {
  name: string;
  expiresInDays: number | null;
  scopes: string[];
}): Promise<AccessToken & { token: string }> {
  return parseAs(CreatedToken, await request("POST", "/api/v1/account/tokens", input), "token");
}

/** `DELETE /api/v1/account/tokens/:id`. */
export async function revokeToken(id: string): Promise<void> {
  await request("DELETE", `/api/v1/account/tokens/${encodeURIComponent(id)}`);
}

/** `PUT /api/v1/account/password`. */
export async function changePassword(currentPassword: string, newPassword: string): Promise<void> {
  await request("PUT", "/api/v1/account/password", { currentPassword, newPassword });
}
