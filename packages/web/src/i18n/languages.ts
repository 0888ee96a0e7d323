export const languages = ["en", "fr", "de"] as const;
export type Language = (typeof languages)[number];

export const defaultLanguage: Language = "en";

export function isLanguage(value: unknown): value is Language {
  return typeof value === "string" && (languages as readonly string[]).includes(value);
}

/**
 * Picks the interface language: an explicit earlier choice wins over the browser's
 * preferences, which are matched on their primary subtag ("fr-BE" → "fr").
 */
export function detectLanguage(stored: string | null, preferred: readonly string[]): Language {
  if (isLanguage(stored)) return stored;
  for (const tag of preferred) {
    const primary = tag.toLowerCase().split("-")[0];
    if (isLanguage(primary)) return primary;
  }
  return defaultLanguage;
}
