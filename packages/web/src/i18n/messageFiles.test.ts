import { describe, expect, it } from "vitest";
import { adminDe } from "../admin/messages/de.js";
import { adminEn } from "../admin/messages/en.js";
import { adminFr } from "../admin/messages/fr.js";
import { consentDe } from "../consent/messages/de.js";
import { consentEn } from "../consent/messages/en.js";
import { consentFr } from "../consent/messages/fr.js";
import { docsDe } from "../docs/messages/de.js";
import { docsEn } from "../docs/messages/en.js";
import { docsFr } from "../docs/messages/fr.js";
import { mfaDe } from "../mfa/messages/de.js";
import { mfaEn } from "../mfa/messages/en.js";
import { mfaFr } from "../mfa/messages/fr.js";
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

// Each area's message files (`<area>/messages/{en,fr,de}.ts`) and the locales that hook them in.
const areas = {
  admin: { en: adminEn, fr: adminFr, de: adminDe },
  consent: { en: consentEn, fr: consentFr, de: consentDe },
  docs: { en: docsEn, fr: docsFr, de: docsDe },
  passkeys: { en: mfaEn, fr: mfaFr, de: mfaDe },
};
const files = {
  "i18n/{en,fr,de}.ts": { en, fr, de },
  "admin/messages/*": areas.admin,
  "consent/messages/*": areas.consent,
  "mfa/messages/*": areas.passkeys,
  "docs/messages/*": areas.docs,
};

describe("message files", () => {
  it.each(Object.entries(files))("%s has the same keys in en, fr and de", (_, byLanguage) => {
    expect(keys(byLanguage.fr)).toEqual(keys(byLanguage.en));
    expect(keys(byLanguage.de)).toEqual(keys(byLanguage.en));
  });

  it("each locale hooks in its own language's module messages, not English", () => {
    for (const [language, locale] of Object.entries({ fr, de })) {
      const key = language as "fr" | "de";
      expect(locale.admin).toBe(areas.admin[key]);
      expect(locale.consent).toBe(areas.consent[key]);
      expect(locale.passkeys).toBe(areas.passkeys[key]);
      expect(locale.docs).toBe(areas.docs[key]);
    }
  });

  it("covers every message file of the web app, all in the one layout", () => {
    const onDisk = Object.keys(import.meta.glob(["../**/messages.ts", "../**/messages/*.ts"]));
    const covered = Object.keys(files)
      .filter((file) => file.endsWith("/messages/*"))
      .flatMap((file) => languages.map((language) => `../${file.replace("*", language)}.ts`));
    expect(onDisk.sort()).toEqual(covered.sort());
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
