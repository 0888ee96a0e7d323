import {
  ApiClient,
  currentBackend,
  eventually,
  startCluster,
  type TestCluster,
} from "@tandem/testkit";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { openEditor } from "./support.js";

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
});
