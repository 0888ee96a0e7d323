import i18n from "i18next";
import { initReactI18next } from "react-i18next";
import { de } from "./de.js";
import { en, type Messages } from "./en.js";
import { fr } from "./fr.js";
import { detectLanguage, type Language, languages } from "./languages.js";

declare module "i18next" {
  interface CustomTypeOptions {
    defaultNS: "translation";
    resources: { translation: Messages };
  }
}

const storageKey = "tandem.language";

function readStoredLanguage(): string | null {
  // Storage can throw when the browser blocks it (private modes, strict policies).
  try {
    return localStorage.getItem(storageKey);
  } catch {
    return null;
  }
}

function applyLanguage(language: string): void {
  document.documentElement.lang = language;
  try {
    localStorage.setItem(storageKey, language);
  } catch {
    // The choice then lasts for this page only, which is acceptable.
  }
}

export function initI18n(): typeof i18n {
  const initial = detectLanguage(readStoredLanguage(), navigator.languages ?? [navigator.language]);
  document.documentElement.lang = initial;
  // Persist only explicit choices, so a browser whose language changes later is still followed.
  i18n.on("languageChanged", (language) => {
    document.documentElement.lang = language;
  });
  void i18n.use(initReactI18next).init({
    resources: { en: { translation: en }, fr: { translation: fr }, de: { translation: de } },
    lng: initial,
    fallbackLng: "en",
    supportedLngs: languages,
    // React already escapes what it renders.
    interpolation: { escapeValue: false },
    // Resources are bundled, so there is nothing to wait for before the first render.
    initAsync: false,
  });
  return i18n;
}

export async function changeLanguage(language: Language): Promise<void> {
  await i18n.changeLanguage(language);
  applyLanguage(language);
}

export { isLanguage, type Language, languages } from "./languages.js";
