import {
  ConsentAnswer,
  type ConsentedApp,
  ConsentedAppList,
  type ConsentRequest,
  ConsentRequest as ConsentRequestShape,
  type ConsentScope,
} from "@tandem/identity/wire";
import { invalidResponse, parseAs, request } from "../api/client";

/** A scope Tandem's provider grants, as the consent API names it. */
export type Scope = ConsentScope;

/** A third-party app's request (`GET /api/v1/consent/:uid`); an app the user let in (`GET /api/v1/account/apps`). */
export type { ConsentedApp, ConsentRequest };

/** `GET /api/v1/consent/:uid`. */
export async function fetchConsent(uid: string): Promise<ConsentRequest> {
  const payload = await request("GET", `/api/v1/consent/${encodeURIComponent(uid)}`);
  return parseAs(ConsentRequestShape, payload, "consent request");
}

/**
 * `POST /api/v1/consent/:uid`: answers the request; returns where the browser resumes the
 * authorization, a path on this site only (never another origin, whatever the server says).
 */
export async function answerConsent(uid: string, decision: "allow" | "deny"): Promise<string> {
  const payload = await request("POST", `/api/v1/consent/${encodeURIComponent(uid)}`, {
    decision,
  });
  const target = parseAs(ConsentAnswer, payload, "consent answer").redirectTo;
  if (/^\/oidc\/auth\/[A-Za-z0-9_-]+$/.test(target)) return target;
  return invalidResponse("consent answer");
}

/** `GET /api/v1/account/apps`. */
export async function fetchConsentedApps(): Promise<ConsentedApp[]> {
  return parseAs(ConsentedAppList, await request("GET", "/api/v1/account/apps"), "app list").apps;
}

/** `DELETE /api/v1/account/apps/:clientId`: withdraws the app's access. */
export async function revokeApp(clientId: string): Promise<void> {
  await request("DELETE", `/api/v1/account/apps/${encodeURIComponent(clientId)}`);
}
