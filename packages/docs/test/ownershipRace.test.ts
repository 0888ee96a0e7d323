import { startTestServer, type TestServer } from "@tandem/testkit";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createDocument, type DocsUser, docsUser } from "./support.js";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.close());

const docs = "/api/docs/v1/documents";
const ROUNDS = 20;

async function accessesOf(user: DocsUser, id: string) {
  const listed = await user.api.request("GET", `${docs}/${id}/accesses`);
  expect(listed.status, listed.text).toBe(200);
  return listed.json.accesses as Array<{ id: string; userId: string | null; role: string }>;
}

/** A document owned by A and B, and each one's access id. */
async function twoOwners(a: DocsUser, b: DocsUser) {
  const { id } = await createDocument(a);
  const shared = await a.api.request("POST", `${docs}/${id}/accesses`, {
    email: b.user.email,
    role: "owner",
  });
  expect(shared.status, shared.text).toBe(204);
  const accesses = await accessesOf(a, id);
  const of = (user: DocsUser) => accesses.find((row) => row.userId === user.user.id)?.id;
  return { id, a: of(a), b: of(b) };
}

/**
 * Every round: exactly one change wins and an owner remains. The other is refused: 409 when it
 * reached the last-owner check, or 403 when the winner had already removed its sender's access.
 */
async function expectOneOwnerLeft(
  a: DocsUser,
  b: DocsUser,
  id: string,
  statuses: number[],
): Promise<void> {
  const [won, lost] = [...statuses].sort();
  expect(won).toBe(204);
  expect([403, 409]).toContain(lost);
  const owners = [a, b].map(async (user) => (await user.api.request("GET", `${docs}/${id}`)).json);
  const roles = (await Promise.all(owners)).map((body) => body.role);
  expect(roles.filter((role) => role === "owner")).toHaveLength(1);
}

describe("the last-owner rule holds under concurrent changes (issue 11, item 1)", () => {
  test(`two owners removing each other at once: one wins, the other gets 409 (${ROUNDS} rounds)`, async () => {
    const a = await docsUser(server);
    const b = await docsUser(server);
    for (let round = 0; round < ROUNDS; round++) {
      const q = await twoOwners(a, b);
      const responses = await Promise.all([
        a.api.request("DELETE", `${docs}/${q.id}/accesses/${q.b}`),
        b.api.request("DELETE", `${docs}/${q.id}/accesses/${q.a}`),
      ]);
      await expectOneOwnerLeft(
        a,
        b,
        q.id,
        responses.map((response) => response.status),
      );
    }
  });

  test(`an owner leaving while the other steps down to editor: one wins, the other gets 409 (${ROUNDS} rounds)`, async () => {
    const a = await docsUser(server);
    const b = await docsUser(server);
    for (let round = 0; round < ROUNDS; round++) {
      const q = await twoOwners(a, b);
      const responses = await Promise.all([
        a.api.request("DELETE", `${docs}/${q.id}/accesses/${q.a}`),
        b.api.request("POST", `${docs}/${q.id}/accesses`, { email: b.user.email, role: "editor" }),
      ]);
      // Each is allowed alone; whichever goes second would leave the document with no owner.
      await expectOneOwnerLeft(
        a,
        b,
        q.id,
        responses.map((response) => response.status),
      );
    }
  });
});
