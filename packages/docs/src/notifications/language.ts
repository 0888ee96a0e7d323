export const MAIL_LANGUAGES = ["en", "fr", "de"] as const;
export type MailLanguage = (typeof MAIL_LANGUAGES)[number];

/**
 * The language of the person acting, from their browser's Accept-Language: the highest
 * weighted tag whose primary subtag Tandem speaks ("fr-BE;q=0.9" → fr), else English.
 * Accounts keep no language, so this is what the server knows of it.
 */
export function languageOf(acceptLanguage: string | undefined): MailLanguage {
  const tags = (acceptLanguage ?? "")
    .split(",")
    .map((part, index) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find(Boolean);
      return { primary: tag.toLowerCase().split("-")[0] ?? "", q: q ? Number(q) : 1, index };
    })
    .filter((t) => t.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { primary } of tags) {
    if ((MAIL_LANGUAGES as readonly string[]).includes(primary)) return primary as MailLanguage;
  }
  return "en";
}
