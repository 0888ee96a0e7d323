import { startTestServer, type TestServer } from "@tandem/testkit";
import { afterAll, beforeAll, describe, expect, test } from "vitest";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.close());

describe("background jobs", () => {
  test("the modules' jobs and the server's run under one scheduler, counted in /metrics", async () => {
    const { scheduler } = server.tandem;
    expect(scheduler.names).toEqual(
      expect.arrayContaining([
        "kernel.sessions-purge",
        "kernel.login-throttle-purge",
        "identity.signing-keys-reload",
        "identity.provider-purge",
        "identity.federated-sessions-purge",
        "docs.trash-purge",
        "docs.auto-versions",
        "docs.credential-recheck",
      ]),
    );
    for (const name of scheduler.names) expect(await scheduler.runNow(name), name).toBe("success");

    const metrics = await (await fetch(`${server.url}/metrics`)).text();
    expect(metrics).toMatch(/tandem_job_runs_total\{job="docs.trash-purge",outcome="success"\} 1/);
    expect(metrics).toContain('tandem_job_duration_seconds_count{job="kernel.sessions-purge"} 1');
  });

  test("a cluster-once job's lease is taken in the database by this instance", async () => {
    const leases = await server.tandem.database.db
      .selectFrom("job_leases")
      .select(["job", "held_until"])
      .execute();
    expect(leases.map((lease: { job: string }) => lease.job)).toContain("docs.trash-purge");
    for (const lease of leases) expect(Number(lease.held_until)).toBeGreaterThan(Date.now());
  });
});
