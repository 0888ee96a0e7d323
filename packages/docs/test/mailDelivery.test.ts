import {
  ApiClient,
  buildUser,
  createTestBackend,
  eventually,
  SmtpInboxDouble,
  type SpawnedTandem,
  spawnTandem,
  startTestServer,
  type TestBackend,
  type TestServer,
} from "@tandem/testkit";
import { afterAll, describe, expect, test } from "vitest";
import { createDocument, docsUser } from "./support.js";

const docs = "/api/docs/v1/documents";
const servers: TestServer[] = [];
const inboxes: SmtpInboxDouble[] = [];
const spawned: SpawnedTandem[] = [];
const backends: TestBackend[] = [];
afterAll(async () => {
  for (const server of servers) await server.close();
  for (const inbox of inboxes) await inbox.stop();
  for (const tandem of spawned) await tandem.stop();
  for (const backend of backends) await backend.dispose();
});

/** The outbox's row for a recipient, read as an operator would. */
function outboxRowsTo(server: TestServer, email: string) {
  return server.tandem.database.db
    .selectFrom("mail_outbox")
    .select(["attempts", "last_error"])
    .where("recipient", "=", email)
    .execute() as Promise<Array<{ attempts: number; last_error: string | null }>>;
}

describe("e-mail delivery", () => {
  test("an SMTP outage delays the invitation's e-mail but loses neither", async () => {
    const inbox = await SmtpInboxDouble.start();
    inboxes.push(inbox);
    const server = await startTestServer({
      TANDEM_SMTP_URL: inbox.url,
      TANDEM_MAIL_FROM: "tandem@example.org",
    });
    servers.push(server);
    const owner = await docsUser(server);
    const { id } = await createDocument(owner, { title: "Pendant la panne" });
    const email = `patient.${crypto.randomUUID()}@example.org`;

    await inbox.stop();
    const invited = await owner.api.request("POST", `${docs}/${id}/accesses`, {
      email,
      role: "editor",
    });
    expect(invited.status).toBe(204);
    const listed = (await owner.api.request("GET", `${docs}/${id}/accesses`)).json;
    expect(listed.invitations).toMatchObject([{ email, role: "editor" }]);
    // A first attempt failed and the message waits for another.
    await eventually(async () => {
      const [row] = await outboxRowsTo(server, email);
      expect(row?.attempts).toBeGreaterThanOrEqual(1);
      expect(row?.last_error).toBeTruthy();
    });
    expect(inbox.to(email)).toEqual([]);

    await inbox.restart();
    const [mail] = await eventually(
      () => {
        const received = inbox.to(email);
        expect(received).toHaveLength(1);
        return received;
      },
      { timeoutMs: 30_000 },
    );
    expect(mail?.text).toContain(`${server.url}/docs/${id}`);
    await eventually(async () => expect(await outboxRowsTo(server, email)).toEqual([]));

    // The invitation itself was never in doubt: it applies at the first sign-in.
    const { user, password } = await buildUser(server.tandem, { email });
    const newcomer = new ApiClient(server.url);
    await newcomer.signIn(user.email, password);
    expect((await newcomer.request("GET", `${docs}/${id}`)).json).toMatchObject({
      role: "editor",
    });
  });

  test("with no SMTP server Tandem starts, warns, and writes each e-mail to its log", async () => {
    const backend = await createTestBackend();
    backends.push(backend);
    const tandem = await spawnTandem({ TANDEM_HOST: "127.0.0.1", ...backend.env });
    spawned.push(tandem);
    expect(tandem.output()).toContain("e-mails are written to the log, not sent");
    const admin = tandem.firstAdmin();
    if (!admin) throw new Error("no first administrator");
    const api = new ApiClient(tandem.url);
    expect((await api.signIn(admin.email, admin.password)).status).toBe(200);
    const { id } = (await api.request("POST", docs, { title: "Sur un portable" })).json;
    const email = `laptop.${crypto.randomUUID()}@example.org`;
    const invited = await api.request("POST", `${docs}/${id}/accesses`, { email, role: "reader" });
    expect(invited.status).toBe(204);

    const logged = await eventually(() => {
      const line = tandem
        .output()
        .split("\n")
        .find((l) => l.includes('"mail":') && l.includes(email));
      if (!line) throw new Error("no e-mail in the log yet");
      return JSON.parse(line);
    });
    expect(logged.level).toBe(30);
    expect(logged.mail.subject).toMatch(/invited you to "Sur un portable"$/);
    expect(logged.mail.text).toContain(`${tandem.url}/docs/${id}`);
  });
});
