import { escapeHtml, type MailMessage, singleLine } from "@tandem/kernel";
import type { MailLanguage } from "./language.js";
import { MAIL_MESSAGES, type MailKind, type MailParams } from "./messages.js";

/**
 * One message in the recipient's language. Names and titles are user input: each is folded
 * to one line (the subject is a header), and escaped before it goes into the HTML body.
 */
export function composeMail(
  kind: MailKind,
  language: MailLanguage,
  input: MailParams & { link: string },
): MailMessage {
  const messages = MAIL_MESSAGES[language];
  const text = messages[kind];
  const plain: MailParams = {
    actor: singleLine(input.actor),
    actorEmail: singleLine(input.actorEmail),
    title: singleLine(input.title) || messages.untitled,
    recipient: input.recipient,
  };
  const escaped: MailParams = {
    actor: escapeHtml(plain.actor),
    actorEmail: escapeHtml(plain.actorEmail),
    title: escapeHtml(plain.title),
    recipient: escapeHtml(plain.recipient),
  };
  const html = [
    ...text.paragraphs(escaped).map((p) => `<p>${p}</p>`),
    `<p><a href="${escapeHtml(input.link)}">${escapeHtml(text.action)}</a></p>`,
  ];
  return {
    to: input.recipient,
    subject: singleLine(text.subject(plain)),
    text: [...text.paragraphs(plain), `${text.action}: ${input.link}`].join("\n\n"),
    html: `<!doctype html><html lang="${language}"><body>${html.join("\n")}</body></html>`,
  };
}
