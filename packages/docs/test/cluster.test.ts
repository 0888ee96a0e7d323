import {
  ApiClient,
  currentBackend,
  eventually,
  startCluster,
  type TestCluster,
} from "@tandem/testkit";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { type Editor, openEditor } from "./support.js";

// Two instances need a shared database and Redis: this suite runs on the postgres backend.
describe.runIf(currentBackend() === "postgres")("one document served by two instances", () => {
  let cluster: TestCluster;
  beforeAll(async () => {
    cluster = await startCluster({ instances: 2 });
  });
  afterAll(() => cluster?.close());

  test("an editor on each instance: both converge, with presence, no sticky routing", async () => {
    const [a, b] = cluster.instances;
    if (!a || !b) throw new Error("two instances expected");
    const admin = a.firstAdmin();
    if (!admin) throw new Error("no first administrator");
    const api = new ApiClient(a.url);
    await api.signIn(admin.email, admin.password);
    const { token } = (
      await api.request("POST", "/api/v1/account/tokens", {
        name: "cluster",
        expiresInDays: 1,
        scopes: ["api"],
      })
    ).json;
    const { id } = (await api.request("POST", "/api/docs/v1/documents", { title: "Deux" })).json;

    const onA = await openEditor(a.url, id, token);
    const onB = await openEditor(b.url, id, token);
    onA.provider.setAwarenessField("user", { name: "Paris" });
    for (let i = 0; i < 30; i++) {
      onA.text.insert(0, `a${i} `);
      onB.text.insert(onB.text.length, `b${i} `);
    }
    await eventually(() => {
      expect(onA.text.toString()).toBe(onB.text.toString());
      expect(onB.text.toString()).toContain("a29");
      expect(onA.text.toString()).toContain("b29");
    });
    await eventually(() => {
      const names = [...(onB.provider.awareness?.getStates().values() ?? [])].map(
        (s) => s.user?.name,
      );
      expect(names).toContain("Paris");
    });
    onA.provider.destroy();
    onB.provider.destroy();
  });

  /**
   * An editor whose socket is on the second instance while the first revokes what opened it:
   * an administrator, a colleague (token and browser session) and a document they share.
   */
  async function colleagueOnB(password: string) {
    const [a, b] = cluster.instances;
    const first = a?.firstAdmin();
    if (!a || !b || !first) throw new Error("two instances and an administrator expected");
    const admin = new ApiClient(a.url);
    await admin.signIn(first.email, first.password);
    const email = `colleague-${crypto.randomUUID()}@example.org`;
    const created = await admin.request("POST", "/api/v1/admin/users", {
      email,
      name: "Colleague",
      password,
    });
    expect(created.status, created.text).toBe(201);
    const colleague = new ApiClient(a.url);
    expect((await colleague.signIn(email, password)).status).toBe(200);
    const minted = await colleague.request("POST", "/api/v1/account/tokens", {
      name: "socket",
      expiresInDays: 1,
      scopes: ["api"],
    });
    const { id } = (await admin.request("POST", "/api/docs/v1/documents", { title: "Q" })).json;
    await admin.request("POST", `/api/docs/v1/documents/${id}/accesses`, { email, role: "editor" });
    const { token: adminToken } = (
      await admin.request("POST", "/api/v1/account/tokens", {
        name: "owner",
        expiresInDays: 1,
        scopes: ["api"],
      })
    ).json;
    const owner = await openEditor(a.url, id, adminToken);
    return {
      a,
      b,
      id,
      admin,
      colleague,
      userId: created.json.id as string,
      tokenId: minted.json.id as string,
      token: minted.json.token as string,
      owner,
      reopen: () => openEditor(a.url, id, adminToken),
    };
  }

  /** Closed on instance 2; its later edits are not stored and it hears no more of the owner's. */
  async function expectCutOff(revoked: Editor, owner: Editor, reopen: () => Promise<Editor>) {
    await eventually(() => expect(revoked.refusal.closed).toBeDefined());
    revoked.text.insert(0, "AFTER REVOCATION ");
    owner.text.insert(owner.text.length, " owner still writes");
    const reopened = await reopen();
    await eventually(() => expect(reopened.text.toString()).toContain("owner still writes"));
    expect(reopened.text.toString()).not.toContain("AFTER REVOCATION");
    expect(revoked.text.toString()).not.toContain("owner still writes");
    for (const editor of [revoked, owner, reopened]) editor.provider.destroy();
  }

  test("a token revoked on instance 1 closes its socket on instance 2", async () => {
    const { b, id, colleague, tokenId, token, owner, reopen } = await colleagueOnB(
      `pw-${crypto.randomUUID()}`,
    );
    const onB = await openEditor(b.url, id, token);
    onB.text.insert(0, "before ");
    await eventually(() => expect(owner.text.toString()).toContain("before"));
    const revoked = await colleague.request("DELETE", `/api/v1/account/tokens/${tokenId}`);
    expect(revoked.status, revoked.text).toBe(204);
    await expectCutOff(onB, owner, reopen);
  });

  test("an account disabled on instance 1 closes its session's socket on instance 2", async () => {
    const { b, id, admin, colleague, userId, owner, reopen } = await colleagueOnB(
      `pw-${crypto.randomUUID()}`,
    );
    const cookie = colleague.cookie;
    if (!cookie) throw new Error("not signed in");
    // The session cookie is Tandem's, whichever instance the browser reaches.
    const onB = await openEditor(b.url, id, "", { cookie });
    onB.text.insert(0, "before ");
    await eventually(() => expect(owner.text.toString()).toContain("before"));
    const disabled = await admin.request("POST", `/api/v1/admin/users/${userId}/disable`);
    expect(disabled.status, disabled.text).toBe(200);
    await expectCutOff(onB, owner, reopen);
  });
});
