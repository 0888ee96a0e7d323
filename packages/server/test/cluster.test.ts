import {
  ApiClient,
  currentBackend,
  eventually,
  runCli,
  startCluster,
  type TestCluster,
} from "@tandem/testkit";
import { afterAll, beforeAll, describe, expect, test } from "vitest";

// Several instances need a shared database and Redis: this suite runs on the postgres backend.
describe.runIf(currentBackend() === "postgres")(
  "two instances on one PostgreSQL and one Redis",
  () => {
    let cluster: TestCluster;
    let admin: { email: string; password: string };
    beforeAll(async () => {
      cluster = await startCluster({ instances: 2 });
      admin = cluster.instances[0]?.firstAdmin() ?? { email: "", password: "" };
    });
    afterAll(() => cluster?.close());

    const [a, b] = [0, 1].map((i) => () => {
      const instance = cluster.instances[i];
      if (!instance) throw new Error(`no instance ${i}`);
      return instance;
    }) as [() => TestCluster["instances"][0], () => TestCluster["instances"][0]];

    test("only the first instance created the first administrator", () => {
      expect(admin.password).not.toBe("");
      expect(b().firstAdmin()).toBeNull();
    });

    test("a session opened through one instance is valid through the other, and so is its end", async () => {
      const throughA = new ApiClient(a().url);
      expect((await throughA.signIn(admin.email, admin.password)).status).toBe(200);
      const throughB = new ApiClient(b().url, { cookie: throughA.cookie });
      const me = await throughB.request("GET", "/api/v1/me");
      expect(me.status).toBe(200);
      expect(me.json.email).toBe(admin.email);
      expect((await throughB.request("DELETE", "/api/v1/session")).status).toBe(204);
      expect(
        (await new ApiClient(a().url, { cookie: throughA.cookie }).request("GET", "/api/v1/me"))
          .status,
      ).toBe(401);
    });

    test("an account and a token created beside the running instances work on both", async () => {
      const env = cluster.backend.env;
      await runCli(
        ["user", "add", "--email", "berlin@example.de", "--name", "Agentin Berlin"],
        env,
      );
      const token = (
        await runCli(["token", "create", "--email", "berlin@example.de"], env)
      ).stdout.trim();
      for (const instance of cluster.instances) {
        const me = await new ApiClient(instance.url, { bearer: token }).request(
          "GET",
          "/api/v1/me",
        );
        expect(me.json).toMatchObject({ email: "berlin@example.de" });
      }
    });

    test("the instances hear each other over Redis", async () => {
      const client = new ApiClient(b().url);
      await client.signIn(admin.email, admin.password);
      await eventually(async () => {
        const response = await client.request("GET", "/api/v1/admin/instances");
        expect(response.json.instances).toHaveLength(2);
      });
      const other = new ApiClient(a().url);
      await other.signIn(admin.email, admin.password);
      const fromA = await other.request("GET", "/api/v1/admin/instances");
      const fromB = await client.request("GET", "/api/v1/admin/instances");
      const ids = (list: { instances: Array<{ id: string }> }) =>
        list.instances.map((i) => i.id).sort();
      expect(ids(fromA.json)).toEqual(ids(fromB.json));
      expect(fromA.json.self).not.toBe(fromB.json.self);
    });
  },
);
