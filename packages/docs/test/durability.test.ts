import { COLLAB_PATH } from "@tandem/docs";
import {
  ApiClient,
  CollabWire,
  createTestBackend,
  eventually,
  type SpawnedTandem,
  spawnTandem,
  type TestBackend,
} from "@tandem/testkit";
import { afterAll, beforeAll, expect, test } from "vitest";
import { openEditor } from "./support.js";

let backend: TestBackend;
let first: SpawnedTandem | undefined;
let second: SpawnedTandem | undefined;
beforeAll(async () => {
  backend = await createTestBackend();
});
afterAll(async () => {
  await first?.stop("SIGKILL");
  await second?.stop();
  await backend?.dispose();
});

/** An API token for the first administrator, made through the REST API as a user would. */
async function adminToken(instance: SpawnedTandem): Promise<string> {
  const admin = instance.firstAdmin();
  if (!admin) throw new Error("no first administrator");
  const api = new ApiClient(instance.url);
  await api.signIn(admin.email, admin.password);
  const created = await api.request("POST", "/api/v1/account/tokens", {
    name: "durability",
    expiresInDays: 1,
    scopes: ["api"],
  });
  return created.json.token;
}

test("SIGKILL during a burst of edits loses no acknowledged update", async () => {
  const env = { TANDEM_HOST: "127.0.0.1", ...backend.env };
  first = await spawnTandem(env);
  const token = await adminToken(first);
  const api = new ApiClient(first.url, { bearer: token });
  const { id } = (await api.request("POST", "/api/docs/v1/documents", { title: "Crash" })).json;

  const socketUrl = `${first.url.replace(/^http/, "ws")}${COLLAB_PATH}`;
  const clients = [0, 1, 2].map(() => new CollabWire(socketUrl, id, token));
  await Promise.all(clients.map((client) => client.authenticated()));
  const sent: string[][] = clients.map(() => []);
  let typing = true;
  const bursts = clients.map(async (client, c) => {
    for (let i = 0; typing && i < 5_000; i++) {
      const word = `c${c}w${i}.`;
      client.type(word);
      sent[c]?.push(word);
      if (i % 10 === 9) await new Promise((resolve) => setImmediate(resolve));
    }
  });
  await eventually(() => {
    expect(clients.every((client) => client.acknowledged >= 50)).toBe(true);
  });
  await first.stop("SIGKILL");
  typing = false;
  await bursts;
  const acknowledged = clients.map((client, c) => sent[c]?.slice(0, client.acknowledged) ?? []);
  expect(acknowledged.flat().length).toBeGreaterThanOrEqual(150);

  second = await spawnTandem({ ...env });
  const reader = await openEditor(second.url, id, token);
  const text = reader.text.toString();
  const missing = acknowledged.flat().filter((word) => !text.includes(word));
  expect(missing).toEqual([]);
  reader.provider.destroy();
});
