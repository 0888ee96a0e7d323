import { AuditLog } from "@tandem/accounts";
import { ApiClient, startTestServer, type TestServer } from "@tandem/testkit";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createDocument, docsUser } from "./support.js";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ TANDEM_DOCS_INVITATIONS_PER_DAY: "3" });
});
afterAll(() => server?.close());

const docs = "/api/docs/v1/documents";

describe("invitations per account and day (issue 11, item 9)", () => {
  test("past the limit: 429 with Retry-After and a message; each invitation is in the audit log", async () => {
    const sender = await docsUser(server);
    const colleague = await docsUser(server);
    const { id } = await createDocument(sender, { title: "Annonce" });
    const invite = (email: string) =>
      sender.api.request("POST", `${docs}/${id}/accesses`, { email, role: "reader" });
    const stamp = Date.now();
    // An account and two addresses without one: all three are e-mailed, all three count.
    expect((await invite(colleague.user.email)).status).toBe(204);
    expect((await invite(`one.${stamp}@example.org`)).status).toBe(204);
    expect((await invite(`two.${stamp}@example.org`)).status).toBe(204);

    const refused = await invite(`three.${stamp}@example.org`);
    expect(refused.status).toBe(429);
    expect(refused.json.message).toMatch(/3 invitations in the last 24 hours/);
    const retryAfter = Number(refused.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThan(86_000);
    expect(retryAfter).toBeLessThanOrEqual(86_400);
    const listed = await sender.api.request("GET", `${docs}/${id}/accesses`);
    expect(listed.json.invitations).toHaveLength(2);

    // The limit is the sender's own: another account still invites.
    const other = await docsUser(server);
    const { id: theirs } = await createDocument(other);
    const allowed = await other.api.request("POST", `${docs}/${theirs}/accesses`, {
      email: `three.${stamp}@example.org`,
      role: "reader",
    });
    expect(allowed.status).toBe(204);

    const admin = await server.tandem.accounts.byEmail(server.admin.email);
    const { token } = await server.tandem.access.createToken(admin, {
      expiresAt: null,
      scopes: ["api", "admin"],
    });
    const audit = await new ApiClient(server.url, { bearer: token }).request(
      "GET",
      `/api/v1/admin/audit?action=document_invited&who=${encodeURIComponent(sender.user.email)}`,
    );
    expect(audit.json.events.map((event: { subject: string }) => event.subject).sort()).toEqual(
      [colleague.user.email, `one.${stamp}@example.org`, `two.${stamp}@example.org`].sort(),
    );
    expect(audit.json.events[0]).toMatchObject({
      actorId: sender.user.id,
      details: { documentId: id, role: "reader" },
    });
  });

  test("parallel invitations cannot pass the limit together: 3 sent, the rest 429", async () => {
    const sender = await docsUser(server);
    const { id } = await createDocument(sender, { title: "Rafale" });
    const stamp = Date.now();
    const addresses = Array.from({ length: 8 }, (_, n) => `burst.${n}.${stamp}@example.org`);
    const responses = await Promise.all(
      addresses.map((email) =>
        sender.api.request("POST", `${docs}/${id}/accesses`, { email, role: "reader" }),
      ),
    );
    const statuses = responses.map((response) => response.status);
    expect(statuses.filter((status) => status === 204)).toHaveLength(3);
    expect(statuses.filter((status) => status === 429)).toHaveLength(5);
    const listed = await sender.api.request("GET", `${docs}/${id}/accesses`);
    expect(listed.json.invitations).toHaveLength(3);
    const counted = await new AuditLog(server.tandem.database).countSince(
      "document_invited",
      sender.user.id,
      0,
    );
    expect(counted.count).toBe(3);
  });
});
