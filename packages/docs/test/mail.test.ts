import {
  eventually,
  type ReceivedMail,
  SmtpInboxDouble,
  startTestServer,
  type TestServer,
} from "@tandem/testkit";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createDocument, type DocsUser, docsUser } from "./support.js";

let inbox: SmtpInboxDouble;
let server: TestServer;
beforeAll(async () => {
  // Credentials in the URL: the double refuses a message sent without them.
  inbox = await SmtpInboxDouble.start({ auth: { user: "tandem", pass: "p@ss word" } });
  server = await startTestServer({
    TANDEM_SMTP_URL: inbox.url,
    TANDEM_MAIL_FROM: "Tandem <tandem@example.org>",
  });
});
afterAll(async () => {
  await server?.close();
  await inbox?.stop();
});

const docs = "/api/docs/v1/documents";
const linkTo = (id: string) => `${server.url}/docs/${id}`;

/** The one message this address received, once it has arrived. */
function mailTo(address: string): Promise<ReceivedMail> {
  return eventually(() => {
    const received = inbox.to(address);
    expect(received).toHaveLength(1);
    return received[0] as ReceivedMail;
  });
}

function share(owner: DocsUser, id: string, body: object, language?: string) {
  return owner.api.request(
    "POST",
    `${docs}/${id}/accesses`,
    body,
    language ? { "accept-language": language } : {},
  );
}

describe("e-mails about sharing", () => {
  test.each([
    ["fr-BE,fr;q=0.9,en;q=0.8", "vous invite à « Convention »", "Ouvrir le document"],
    ["en;q=0.3,de-DE", "hat Sie zu „Convention“ eingeladen", "Dokument öffnen"],
    [undefined, 'invited you to "Convention"', "Open the document"],
  ])(
    "an invitation to an address with no account (Accept-Language %s)",
    async (language, subject, action) => {
      const owner = await docsUser(server);
      const { id } = await createDocument(owner, { title: "Convention" });
      const email = `invitee.${crypto.randomUUID()}@example.org`;
      expect((await share(owner, id, { email, role: "editor" }, language)).status).toBe(204);

      const mail = await mailTo(email);
      expect(mail.from).toBe("tandem@example.org");
      expect(mail.subject).toBe(`${owner.user.name} ${subject}`);
      expect(mail.text).toContain(`${action}: ${linkTo(id)}`);
      expect(mail.text).toContain(email);
      expect(mail.html).toContain(`<a href="${linkTo(id)}">${action}</a>`);
    },
  );

  test("sharing with an account tells its owner, with the link", async () => {
    const owner = await docsUser(server);
    const colleague = await docsUser(server);
    const { id } = await createDocument(owner, { title: "Budget 2031" });
    expect((await share(owner, id, { email: colleague.user.email, role: "reader" })).status).toBe(
      204,
    );
    const mail = await mailTo(colleague.user.email);
    expect(mail.subject).toBe(`${owner.user.name} shared "Budget 2031" with you`);
    expect(mail.text).toContain(linkTo(id));
    // Whoever shares is not told about it.
    expect(inbox.to(owner.user.email)).toEqual([]);
  });

  test("an access request reaches the owners and administrators; its acceptance, the asker", async () => {
    const owner = await docsUser(server);
    const administrator = await docsUser(server);
    const editor = await docsUser(server);
    const asker = await docsUser(server);
    const { id } = await createDocument(owner, { title: "Dossier sensible" });
    await share(owner, id, { email: administrator.user.email, role: "administrator" });
    await share(owner, id, { email: editor.user.email, role: "editor" });
    await mailTo(administrator.user.email);
    await mailTo(editor.user.email);

    const asked = await asker.api.request(
      "POST",
      `${docs}/${id}/access-requests`,
      { role: "editor" },
      { "accept-language": "de" },
    );
    expect(asked.status).toBe(201);
    const toOwner = await mailTo(owner.user.email);
    expect(toOwner.subject).toBe(`${asker.user.name} bittet um Zugriff auf „Dossier sensible“`);
    expect(toOwner.text).toContain(asker.user.email);
    expect(toOwner.text).toContain(linkTo(id));
    await eventually(() => expect(inbox.to(administrator.user.email)).toHaveLength(2));
    // An editor cannot decide, so is not asked.
    expect(inbox.to(editor.user.email)).toHaveLength(1);

    const accepted = await administrator.api.request(
      "POST",
      `${docs}/${id}/access-requests/${asked.json.id}/accept`,
      {},
      { "accept-language": "fr" },
    );
    expect(accepted.status).toBe(204);
    const toAsker = await mailTo(asker.user.email);
    expect(toAsker.subject).toBe("Votre demande d'accès à « Dossier sensible » a été acceptée");
    expect(toAsker.text).toContain(administrator.user.name);
    expect(toAsker.text).toContain(linkTo(id));
  });

  test("a title with line breaks and markup stays one subject line and inert HTML", async () => {
    const owner = await docsUser(server);
    const title = "Plan\r\nBcc: victim@example.org\r\n\r\n<script>alert(1)</script>";
    const { id } = await createDocument(owner, { title });
    const email = `target.${crypto.randomUUID()}@example.org`;
    expect((await share(owner, id, { email, role: "reader" })).status).toBe(204);

    const mail = await mailTo(email);
    expect(mail.to).toEqual([email]);
    expect(inbox.to("victim@example.org")).toEqual([]);
    expect(mail.subject).toBe(
      `${owner.user.name} invited you to "Plan Bcc: victim@example.org <script>alert(1)</script>"`,
    );
    const headers = mail.raw.slice(0, mail.raw.search(/\r?\n\r?\n/));
    expect(headers).not.toMatch(/^bcc:/im);
    expect(mail.html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(mail.html).not.toContain("<script>");
  });
});
