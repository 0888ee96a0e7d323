import { Writable } from "node:stream";
import { pino } from "pino";
import { describe, expect, test } from "vitest";
import { LogMailer } from "./LogMailer.js";
import { escapeHtml, singleLine } from "./Mailer.js";

describe("LogMailer", () => {
  test("writes recipient, one-line subject and the text with its link at info level", async () => {
    const lines: Array<Record<string, unknown>> = [];
    const stream = new Writable({
      write(chunk, _encoding, done) {
        lines.push(JSON.parse(chunk.toString()));
        done();
      },
    });
    const mailer = new LogMailer(pino({ level: "info" }, stream));
    await mailer.send({
      to: "ines@example.org",
      subject: "Invited\r\nBcc: x@example.org",
      text: "Open it: https://tandem.example.org/docs/1",
      html: "<p>ignored</p>",
    });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      level: 30,
      mail: {
        to: "ines@example.org",
        subject: "Invited Bcc: x@example.org",
        text: "Open it: https://tandem.example.org/docs/1",
      },
    });
  });
});

describe("header and markup safety", () => {
  test("singleLine folds every kind of line break", () => {
    expect(singleLine(" a\r\nb\nc\rd\u2028e\u0085f\t g ")).toBe("a b c d e f g");
  });

  test("escapeHtml leaves nothing that opens markup or an attribute", () => {
    expect(escapeHtml(`<a href="x" onclick='y'>&</a>`)).toBe(
      "&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;&lt;/a&gt;",
    );
  });
});
