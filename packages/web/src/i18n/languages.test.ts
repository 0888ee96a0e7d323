import { describe, expect, it } from "vitest";
import { detectLanguage } from "./languages.js";

describe("detectLanguage", () => {
  it("prefers a stored choice over the browser's languages", () => {
    expect(detectLanguage("de", ["fr-FR", "en"])).toBe("de");
  });

  it("ignores a stored value that is not a supported language", () => {
    expect(detectLanguage("it", ["fr-BE"])).toBe("fr");
  });

  it("matches browser languages on their primary subtag, in order", () => {
    expect(detectLanguage(null, ["nl-NL", "DE-at", "fr"])).toBe("de");
  });

  it("falls back to English", () => {
    expect(detectLanguage(null, ["it-IT", "es"])).toBe("en");
    expect(detectLanguage(null, [])).toBe("en");
  });
});
