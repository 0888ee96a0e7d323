import type { KoaContextWithOIDC } from "oidc-provider";

type Language = "en" | "fr" | "de";

const TEXT = {
  en: {
    logoutTitle: "Sign out",
    logoutQuestion: "Do you want to sign out of Tandem and the apps you use through it?",
    logoutYes: "Yes, sign me out",
    logoutNo: "No, stay signed in",
    confirmQuestion: "A page asked to sign you out of Tandem. Do you want to sign out?",
    confirmYes: "Sign out",
    doneTitle: "Signed out",
    done: "You are signed out.",
    back: "Back to Tandem",
  },
  fr: {
    logoutTitle: "Déconnexion",
    logoutQuestion:
      "Voulez-vous vous déconnecter de Tandem et des applications que vous utilisez avec ?",
    logoutYes: "Oui, me déconnecter",
    logoutNo: "Non, rester connecté",
    confirmQuestion:
      "Une page a demandé à vous déconnecter de Tandem. Voulez-vous vous déconnecter ?",
    confirmYes: "Se déconnecter",
    doneTitle: "Déconnecté",
    done: "Vous êtes déconnecté.",
    back: "Retour à Tandem",
  },
  de: {
    logoutTitle: "Abmelden",
    logoutQuestion: "Möchten Sie sich von Tandem und den darüber genutzten Anwendungen abmelden?",
    logoutYes: "Ja, abmelden",
    logoutNo: "Nein, angemeldet bleiben",
    confirmQuestion:
      "Eine Seite hat verlangt, Sie von Tandem abzumelden. Möchten Sie sich abmelden?",
    confirmYes: "Abmelden",
    doneTitle: "Abgemeldet",
    done: "Sie sind abgemeldet.",
    back: "Zurück zu Tandem",
  },
} satisfies Record<Language, Record<string, string>>;

/** The language the browser prefers among Tandem's three. */
function languageOf(ctx: KoaContextWithOIDC): Language {
  const accepted = ctx.acceptsLanguages("en", "fr", "de");
  return accepted === "fr" || accepted === "de" ? accepted : "en";
}

/** A sober page in Tandem's colours, self-contained: no script, no font from elsewhere. */
function page(language: Language, title: string, body: string): string {
  return `<!doctype html><html lang="${language}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title} · Tandem</title><style>body{font-family:system-ui,sans-serif;background:#f8f9fa;color:#212529;margin:0}main{max-width:28rem;margin:4rem auto;background:#fff;border:1px solid #dee2e6;border-radius:8px;padding:2rem}h1{font-size:1.5rem;margin-top:0}button{font:inherit;padding:.5rem 1rem;border-radius:4px;border:1px solid #1864ab;margin:.25rem .5rem .25rem 0;cursor:pointer}button[value=yes]{background:#1864ab;color:#fff}button:not([value]){background:#fff;color:#1864ab}a{color:#1864ab}</style></head><body><main>${body}</main></body></html>`;
}

/** oidc-provider's `logoutSource`: the confirmation of an app's sign-out request. */
export async function logoutSource(ctx: KoaContextWithOIDC, form: string): Promise<void> {
  const language = languageOf(ctx);
  const t = TEXT[language];
  ctx.type = "html";
  ctx.body = page(
    language,
    t.logoutTitle,
    `<h1>${t.logoutTitle}</h1><p>${t.logoutQuestion}</p>${form}<button autofocus type="submit" form="op.logoutForm" value="yes" name="logout">${t.logoutYes}</button><button type="submit" form="op.logoutForm">${t.logoutNo}</button>`,
  );
}

/**
 * The sign-out request's confirmation where oidc-provider would submit it by itself (its
 * session knows no account, though the browser may be signed in to Tandem): a form the user
 * sends, with the provider's xsrf token, so a page elsewhere cannot sign anyone out.
 */
export function confirmSignOutPage(
  ctx: KoaContextWithOIDC,
  form: { action: string; xsrf: string },
): void {
  const language = languageOf(ctx);
  const t = TEXT[language];
  ctx.type = "html";
  ctx.body = page(
    language,
    t.logoutTitle,
    `<h1>${t.logoutTitle}</h1><form method="post" action="${escapeHtml(form.action)}"><p>${t.confirmQuestion}</p><input type="hidden" name="xsrf" value="${escapeHtml(form.xsrf)}"><input type="hidden" name="logout" value="yes"><button autofocus type="submit" value="yes">${t.confirmYes}</button> <a href="/">${t.logoutNo}</a></form>`,
  );
}

function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c,
  );
}

/** oidc-provider's `postLogoutSuccessSource`: shown when the app gave no place to return to. */
export async function postLogoutSuccessSource(ctx: KoaContextWithOIDC): Promise<void> {
  const language = languageOf(ctx);
  const t = TEXT[language];
  ctx.type = "html";
  ctx.body = page(
    language,
    t.doneTitle,
    `<h1>${t.doneTitle}</h1><p>${t.done}</p><p><a href="/">${t.back}</a></p>`,
  );
}
