import type { ConsentMessages } from "./en.js";

export const consentFr: ConsentMessages = {
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
