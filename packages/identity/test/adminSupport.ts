import { ApiClient, startTestServer, type TestServer } from "@tandem/testkit";
import { expect } from "vitest";

/** A test server and its first administrator's signed-in client. */
export async function startAdminServer(): Promise<{ server: TestServer; admin: ApiClient }> {
  const server = await startTestServer();
  const admin = new ApiClient(server.url);
  const signedIn = await admin.signIn(server.admin.email, server.admin.password);
  if (signedIn.status !== 200) throw new Error(`admin sign-in failed: ${signedIn.text}`);
  return { server, admin };
}

/** The audit events about one subject or actor, newest first. */
export async function auditOf(admin: ApiClient, who: string) {
  const response = await admin.request("GET", `/api/v1/admin/audit?who=${encodeURIComponent(who)}`);
  expect(response.status, response.text).toBe(200);
  return response.json.events as Array<{
    action: string;
    outcome: string;
    actorEmail: string | null;
    subject: string | null;
    details: Record<string, unknown>;
  }>;
}

/** A 400 whose message names what was wrong. */
export function expectBadRequest(
  response: { status: number; json: unknown; text: string },
  message: RegExp,
) {
  expect(response.status, response.text).toBe(400);
  expect(response.json).toMatchObject({ error: "invalid_request", message: expect.any(String) });
  expect((response.json as { message: string }).message).toMatch(message);
}
