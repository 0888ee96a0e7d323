import { expect, test } from "vitest";
import { looksLikeEmail } from "./email.js";

test("an address needs something on each side of a single @ and no spaces", () => {
  for (const good of ["ada@example.org", "jean.dupont@interieur.gouv.fr", "a+b@c"]) {
    expect(looksLikeEmail(good), good).toBe(true);
  }
  for (const bad of ["", "ada", "@example.org", "ada@", "ada@@example.org", "ada @example.org"]) {
    expect(looksLikeEmail(bad), bad).toBe(false);
  }
});
