import { startTestServer } from "@tandem/testkit";
import { expect, test } from "vitest";

test("healthz", async () => {
  const server = await startTestServer();
  const r = await fetch(`${server.url}/healthz`);
  expect(await r.json()).toEqual({ status: "ok" });
  await server.close();
});
