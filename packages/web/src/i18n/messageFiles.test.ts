import { describe, expect, it } from "vitest";
import { adminMessages } from "../admin/messages.js";
import { consentMessages } from "../consent/messages.js";
import { docsDe } from "../docs/messages/de.js";
import { docsEn } from "../docs/messages/en.js";
import { docsFr } from "../docs/messages/fr.js";
import { passkeyMessages } from "../mfa/messages.js";
import { webModules } from "../modules.js";
import { de } from "./de.js";
import { en } from "./en.js";
import { fr } from "./fr.js";
import { languages } from "./languages.js";

/** Every key path of nested messages, sorted ("a.b.c"). */
function keys(messages: object, prefix = ""): string[] {
  return Object.entries(messages)
    .flatMap(([key, value]) => {
      const path = prefix ? `${prefix}.${key}` : key;
      return value !== null && typeof value === "object" ? keys(value, path) : [path];
    })
    .sort();
}

// Each message file of the web app, in its three languages.
const files = {
  "i18n/{en,fr,de}.ts": { en, fr, de },
  "admin/messages.ts": adminMessages,
  "consent/messages.ts": consentMessages,
  "mfa/messages.ts": passkeyMessages,
  "docs/messages/*": { en: docsEn, fr: docsFr, de: docsDe },
};

describe("message files", () => {
  it.each(Object.entries(files))("%s has the same keys in en, fr and de", (_, byLanguage) => {
    expect(keys(byLanguage.fr)).toEqual(keys(byLanguage.en));
    expect(keys(byLanguage.de)).toEqual(keys(byLanguage.en));
  });

  it("each locale hooks in its own language's module messages, not English", () => {
    for (const [language, locale] of Object.entries({ fr, de })) {
      const key = language as "fr" | "de";
      expect(locale.admin).toBe(adminMessages[key]);
      expect(locale.consent).toBe(consentMessages[key]);
      expect(locale.passkeys).toBe(passkeyMessages[key]);
    }
    expect(fr.docs).toBe(docsFr);
    expect(de.docs).toBe(docsDe);
  });

  it("every web module names itself in each language", () => {
    for (const module of webModules) {
      for (const language of languages) {
        expect(module.name[language].trim(), `${module.id} ${language}`).not.toBe("");
        if (module.description) expect(module.description[language].trim()).not.toBe("");
      }
    }
  });
});
