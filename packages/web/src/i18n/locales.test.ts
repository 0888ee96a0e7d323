import { describe, expect, it } from "vitest";
import { de } from "./de.js";
import { en } from "./en.js";
import { fr } from "./fr.js";

/** Flattens nested messages into "section.key" → value pairs. */
function flatten(messages: object, prefix = ""): Map<string, unknown> {
  const entries = new Map<string, unknown>();
  for (const [key, value] of Object.entries(messages)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (value !== null && typeof value === "object") {
      for (const [nested, leaf] of flatten(value, path)) entries.set(nested, leaf);
    } else {
      entries.set(path, value);
    }
  }
  return entries;
}

const locales = { en, fr, de };
const reference = [...flatten(en).keys()].sort();

describe("locales", () => {
  it.each(Object.entries(locales))("%s has exactly the English key set", (_, messages) => {
    expect([...flatten(messages).keys()].sort()).toEqual(reference);
  });

  it.each(Object.entries(locales))("%s has no empty or non-string values", (_, messages) => {
    const bad = [...flatten(messages)].filter(
      ([, value]) => typeof value !== "string" || value.trim() === "",
    );
    expect(bad).toEqual([]);
  });

  it.each(Object.entries(locales))("%s keeps the same interpolation variables", (_, messages) => {
    const variables = (value: unknown) =>
      String(value)
        .match(/\{\{\s*\w+\s*\}\}/g)
        ?.sort() ?? [];
    const flat = flatten(messages);
    for (const [key, value] of flatten(en)) {
      expect(variables(flat.get(key)), key).toEqual(variables(value));
    }
  });
});
