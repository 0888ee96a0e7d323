import type { MailLanguage } from "./language.js";

/** What a message may name. Values arrive here already made safe for where they go. */
export interface MailParams {
  /** Who acted: the inviter, the one asking, the one who accepted. */
  actor: string;
  actorEmail: string;
  title: string;
  /** The recipient's address (an invitation says which one to sign in with). */
  recipient: string;
}

export interface MailText {
  subject: (p: MailParams) => string;
  paragraphs: (p: MailParams) => string[];
  /** The words of the link to the document. */
  action: string;
}

export type MailKind = "invited" | "shared" | "accessRequested" | "requestAccepted";

/** The docs module's e-mails, in each language the web app speaks. */
export const MAIL_MESSAGES: Record<
  MailLanguage,
  Record<MailKind, MailText> & { untitled: string }
> = {
  en: {
    untitled: "Untitled",
    invited: {
      subject: (p) => `${p.actor} invited you to "${p.title}"`,
      paragraphs: (p) => [
        `${p.actor} (${p.actorEmail}) invited you to the document "${p.title}" on Tandem.`,
        `Sign in with this address (${p.recipient}): the access applies at your first sign-in.`,
      ],
      action: "Open the document",
    },
    shared: {
      subject: (p) => `${p.actor} shared "${p.title}" with you`,
      paragraphs: (p) => [
        `${p.actor} (${p.actorEmail}) shared the document "${p.title}" with you on Tandem.`,
      ],
      action: "Open the document",
    },
    accessRequested: {
      subject: (p) => `${p.actor} asks for access to "${p.title}"`,
      paragraphs: (p) => [
        `${p.actor} (${p.actorEmail}) asks for access to the document "${p.title}".`,
        "Accept or refuse the request in the document's sharing settings.",
      ],
      action: "Open the document",
    },
    requestAccepted: {
      subject: (p) => `Your access to "${p.title}" was accepted`,
      paragraphs: (p) => [
        `${p.actor} accepted your request for access to the document "${p.title}".`,
      ],
      action: "Open the document",
    },
  },
  fr: {
    untitled: "Sans titre",
    invited: {
      subject: (p) => `${p.actor} vous invite à « ${p.title} »`,
      paragraphs: (p) => [
        `${p.actor} (${p.actorEmail}) vous invite au document « ${p.title} » sur Tandem.`,
        `Connectez-vous avec cette adresse (${p.recipient}) : l'accès s'applique à votre première connexion.`,
      ],
      action: "Ouvrir le document",
    },
    shared: {
      subject: (p) => `${p.actor} a partagé « ${p.title} » avec vous`,
      paragraphs: (p) => [
        `${p.actor} (${p.actorEmail}) a partagé le document « ${p.title} » avec vous sur Tandem.`,
      ],
      action: "Ouvrir le document",
    },
    accessRequested: {
      subject: (p) => `${p.actor} demande l'accès à « ${p.title} »`,
      paragraphs: (p) => [
        `${p.actor} (${p.actorEmail}) demande l'accès au document « ${p.title} ».`,
        "Acceptez ou refusez la demande dans le partage du document.",
      ],
      action: "Ouvrir le document",
    },
    requestAccepted: {
      subject: (p) => `Votre demande d'accès à « ${p.title} » a été acceptée`,
      paragraphs: (p) => [`${p.actor} a accepté votre demande d'accès au document « ${p.title} ».`],
      action: "Ouvrir le document",
    },
  },
  de: {
    untitled: "Ohne Titel",
    invited: {
      subject: (p) => `${p.actor} hat Sie zu „${p.title}“ eingeladen`,
      paragraphs: (p) => [
        `${p.actor} (${p.actorEmail}) hat Sie zum Dokument „${p.title}“ auf Tandem eingeladen.`,
        `Melden Sie sich mit dieser Adresse (${p.recipient}) an: Der Zugriff gilt ab Ihrer ersten Anmeldung.`,
      ],
      action: "Dokument öffnen",
    },
    shared: {
      subject: (p) => `${p.actor} hat „${p.title}“ mit Ihnen geteilt`,
      paragraphs: (p) => [
        `${p.actor} (${p.actorEmail}) hat das Dokument „${p.title}“ auf Tandem mit Ihnen geteilt.`,
      ],
      action: "Dokument öffnen",
    },
    accessRequested: {
      subject: (p) => `${p.actor} bittet um Zugriff auf „${p.title}“`,
      paragraphs: (p) => [
        `${p.actor} (${p.actorEmail}) bittet um Zugriff auf das Dokument „${p.title}“.`,
        "Sie können die Anfrage in den Freigabeeinstellungen des Dokuments annehmen oder ablehnen.",
      ],
      action: "Dokument öffnen",
    },
    requestAccepted: {
      subject: (p) => `Ihr Zugriff auf „${p.title}“ wurde gewährt`,
      paragraphs: (p) => [
        `${p.actor} hat Ihre Anfrage auf Zugriff auf das Dokument „${p.title}“ angenommen.`,
      ],
      action: "Dokument öffnen",
    },
  },
};
