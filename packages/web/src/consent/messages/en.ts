// The consent screen's and the account's "Apps with access" messages, hooked into each
// locale under `consent`; English is the reference shape the other languages follow.
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

export type ConsentMessages = typeof consentEn;
