import { describe, expect, test } from "vitest";
import { composeMail } from "./composeMail.js";
import { languageOf } from "./language.js";

describe("languageOf", () => {
  test.each([
    [undefined, "en"],
    ["", "en"],
    ["fr-FR,fr;q=0.9,en;q=0.8", "fr"],
    ["en;q=0.5,de-AT;q=0.9", "de"],
    ["es,it;q=0.9,de;q=0.1", "de"],
    ["fr;q=0,de;q=0.2", "de"],
    ["ja", "en"],
  ])("%j → %s", (header, language) => {
    expect(languageOf(header)).toBe(language);
  });
});

describe("composeMail", () => {
  const input = {
    actor: "Zoé <b>\r\nBcc: x@example.org",
    actorEmail: "zoe@example.org",
    title: 'Plan "A" & <script>alert(1)</script>',
    recipient: "ines@example.org",
    link: "https://tandem.example.org/docs/0c1d?x=1&y=2",
  };

  test("the subject is one line, whatever the title and name hold", () => {
    const { subject } = composeMail("invited", "en", input);
    expect(subject).not.toMatch(/[\r\n]/);
    expect(subject).toBe(
      'Zoé <b> Bcc: x@example.org invited you to "Plan "A" & <script>alert(1)</script>"',
    );
  });

  test("the HTML escapes what users typed, the text keeps it and the full link", () => {
    const mail = composeMail("shared", "fr", input);
    expect(mail.html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(mail.html).toContain("Zoé &lt;b&gt;");
    expect(mail.html).not.toContain("<script>");
    expect(mail.html).toContain('href="https://tandem.example.org/docs/0c1d?x=1&amp;y=2"');
    expect(mail.text).toContain(`Ouvrir le document: ${input.link}`);
    expect(mail.text).toContain('« Plan "A" & <script>alert(1)</script> »');
    expect(mail.to).toBe("ines@example.org");
  });

  test("an untitled document is named so, in the language of the message", () => {
    expect(composeMail("requestAccepted", "de", { ...input, title: "  " }).subject).toBe(
      "Ihr Zugriff auf „Ohne Titel“ wurde gewährt",
    );
  });
});
