// The consent screen's and the account's "Apps with access" messages, hooked into each
// locale under `consent`; English is the reference shape.
export const consentEn = {
  pageTitle: "Allow access · Tandem",
  heading: "{{app}} wants to use your Tandem account",
  redirect: "Whatever you answer, you will then be sent to {{host}}.",
  asks: "If you allow it, {{app}} will be able to:",
  alreadyAllowed: "You already allowed it to:",
  trust: "Allow only apps you trust. You can withdraw this access at any time from your account.",
  allow: "Allow",
  deny: "Deny",
  leaving: "Taking you back to {{app}}…",
  missing: "This page needs a request from an app. Go back to the app and sign in again.",
  gone: "This request has expired or was already answered. Go back to the app and sign in again.",
  otherAccount:
    "This request was started by another account. Go back to the app and sign in again.",
  failed: "This did not work. Please try again.",
  errorTitle: "Cannot continue",
  scopes: {
    openid: "Know who you are (an identifier of your account) and how you signed in",
    profile: "See your name",
    email: "See your email address",
    organisation: "See your organisation and its official identifier",
    groups: "See the groups you belong to",
    offline_access: "Keep this access while you are away, until you withdraw it",
  },
  apps: {
    heading: "Apps with access",
    intro: "Apps of other organisations you allowed to use your Tandem account.",
    empty: "You have not allowed any app yet.",
    app: "App",
    access: "Access",
    since: "Allowed on",
    revoke: "Withdraw access",
    revokeLabel: "Withdraw access for {{name}}",
    revoked: "{{name}} no longer has access to your account.",
  },
};

export const consentFr: typeof consentEn = {
  pageTitle: "Autoriser l’accès · Tandem",
  heading: "{{app}} souhaite utiliser votre compte Tandem",
  redirect: "Quelle que soit votre réponse, vous serez ensuite redirigé vers {{host}}.",
  asks: "Si vous l’autorisez, {{app}} pourra :",
  alreadyAllowed: "Vous l’avez déjà autorisé à :",
  trust:
    "N’autorisez que les applications de confiance. Vous pouvez retirer cet accès à tout moment depuis votre compte.",
  allow: "Autoriser",
  deny: "Refuser",
  leaving: "Retour vers {{app}}…",
  missing:
    "Cette page attend une demande d’une application. Retournez dans l’application et reconnectez-vous.",
  gone: "Cette demande a expiré ou a déjà reçu une réponse. Retournez dans l’application et reconnectez-vous.",
  otherAccount:
    "Cette demande a été faite par un autre compte. Retournez dans l’application et reconnectez-vous.",
  failed: "L’opération a échoué. Veuillez réessayer.",
  errorTitle: "Impossible de continuer",
  scopes: {
    openid:
      "Savoir qui vous êtes (un identifiant de votre compte) et comment vous vous êtes connecté",
    profile: "Voir votre nom",
    email: "Voir votre adresse e-mail",
    organisation: "Voir votre organisation et son identifiant officiel",
    groups: "Voir les groupes dont vous êtes membre",
    offline_access: "Garder cet accès en votre absence, jusqu’à ce que vous le retiriez",
  },
  apps: {
    heading: "Applications autorisées",
    intro:
      "Les applications d’autres organisations que vous avez autorisées à utiliser votre compte Tandem.",
    empty: "Vous n’avez encore autorisé aucune application.",
    app: "Application",
    access: "Accès",
    since: "Autorisée le",
    revoke: "Retirer l’accès",
    revokeLabel: "Retirer l’accès de {{name}}",
    revoked: "{{name}} n’a plus accès à votre compte.",
  },
};

export const consentDe: typeof consentEn = {
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

export const consentMessages = { en: consentEn, fr: consentFr, de: consentDe };
