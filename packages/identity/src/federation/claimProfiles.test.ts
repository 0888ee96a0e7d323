import { expect, test } from "vitest";
import { acrSatisfies, mapClaims } from "./claimProfiles.js";

test("ProConnect's usual_name and siret become family name and organisation", () => {
  const mapped = mapClaims("proconnect", {
    sub: "x",
    email: "Agent@Interieur.Gouv.fr",
    given_name: "Jean",
    usual_name: "Dupont",
    siret: "13002526500013",
    acr: "eidas1",
    amr: ["pwd"],
  });
  expect(mapped).toEqual({
    email: "agent@interieur.gouv.fr",
    givenName: "Jean",
    familyName: "Dupont",
    organisationIdentifier: "13002526500013",
    acr: "eidas1",
    amr: ["pwd"],
  });
});

test("a generic provider's family_name and Tandem's organisation claims are read", () => {
  expect(
    mapClaims("oidc", {
      email: "a@berlin.de",
      given_name: "Anna",
      family_name: "Schmidt",
      organisation: "Senat",
      org_id: "DE-1",
    }),
  ).toMatchObject({
    familyName: "Schmidt",
    organisationName: "Senat",
    organisationIdentifier: "DE-1",
  });
});

test("an answer without an e-mail address is refused", () => {
  expect(() => mapClaims("oidc", { sub: "x" })).toThrow(/e-mail/);
});

test("assurance levels compare in eIDAS order", () => {
  expect(acrSatisfies("eidas2", ["eidas2"])).toBe(true);
  expect(acrSatisfies("eidas3", ["eidas2"])).toBe(true);
  expect(acrSatisfies("eidas1", ["eidas2"])).toBe(false);
  expect(acrSatisfies(undefined, ["eidas1"])).toBe(false);
  expect(acrSatisfies(undefined, [])).toBe(true);
  expect(acrSatisfies("eidas2-mfa", ["eidas2"])).toBe(true);
});
