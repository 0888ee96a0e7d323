import type { ConsentMessages } from "./en.js";

export const consentDe: ConsentMessages = {
  pageTitle: "Zugriff erlauben · Tandem",
  heading: "{{app}} möchte Ihr Tandem-Konto verwenden",
  redirect: "Unabhängig von Ihrer Antwort werden Sie danach zu {{host}} weitergeleitet.",
  asks: "Wenn Sie zustimmen, kann {{app}}:",
  alreadyAllowed: "Bereits erlaubt haben Sie:",
  trust:
    "Erlauben Sie nur Apps, denen Sie vertrauen. Sie können diesen Zugriff jederzeit in Ihrem Konto widerrufen.",
  allow: "Erlauben",
  deny: "Ablehnen",
  leaving: "Zurück zu {{app}} …",
  missing:
    "Diese Seite erwartet die Anfrage einer App. Kehren Sie zur App zurück und melden Sie sich erneut an.",
  gone: "Diese Anfrage ist abgelaufen oder wurde bereits beantwortet. Kehren Sie zur App zurück und melden Sie sich erneut an.",
  otherAccount:
    "Diese Anfrage stammt von einem anderen Konto. Kehren Sie zur App zurück und melden Sie sich erneut an.",
  failed: "Das hat nicht funktioniert. Bitte versuchen Sie es erneut.",
  errorTitle: "Fortfahren nicht möglich",
  scopes: {
    openid: "Wissen, wer Sie sind (eine Kennung Ihres Kontos) und wie Sie sich angemeldet haben",
    profile: "Ihren Namen sehen",
    email: "Ihre E-Mail-Adresse sehen",
    organisation: "Ihre Organisation und deren amtliche Kennung sehen",
    groups: "Die Gruppen sehen, denen Sie angehören",
    offline_access: "Diesen Zugriff auch in Ihrer Abwesenheit behalten, bis Sie ihn widerrufen",
  },
  apps: {
    heading: "Apps mit Zugriff",
    intro: "Apps anderer Organisationen, denen Sie die Nutzung Ihres Tandem-Kontos erlaubt haben.",
    empty: "Sie haben noch keiner App Zugriff erlaubt.",
    app: "App",
    access: "Zugriff",
    since: "Erlaubt am",
    revoke: "Zugriff widerrufen",
    revokeLabel: "Zugriff für {{name}} widerrufen",
    revoked: "{{name}} hat keinen Zugriff mehr auf Ihr Konto.",
  },
};
