import { expect, test } from "vitest";
import { identifierProblem } from "./identifiers.js";

test("a French SIRET has 14 digits and a valid Luhn check digit", () => {
  // DINUM's SIRET, as published in the SIRENE register.
  expect(identifierProblem("FR", "13002526500013")).toBeNull();
  expect(identifierProblem("FR", "13002526500014")).toMatch(/wrong check digit/);
  expect(identifierProblem("FR", "1300252650001")).toMatch(/14 digits/);
  expect(identifierProblem("FR", "1300252650001A")).toMatch(/14 digits/);
});

test("La Poste's establishments use a digit sum divisible by 5", () => {
  expect(identifierProblem("FR", "35600000000047")).toBeNull();
  expect(identifierProblem("FR", "35600000000048")).toMatch(/wrong check digit/);
});

test("other countries' identifiers are kept as given, but not empty", () => {
  expect(identifierProblem("DE", "991-12345-67")).toBeNull();
  expect(identifierProblem("DE", " ")).toMatch(/empty/);
});
