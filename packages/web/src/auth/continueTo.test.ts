import { expect, test } from "vitest";
import { continueTarget, federationTarget } from "./continueTo.js";

test("follows only a provider interaction path on this site", () => {
  expect(continueTarget("?continue=%2Foidc%2Finteraction%2FAbc-123_x")).toBe(
    "/oidc/interaction/Abc-123_x",
  );
  expect(continueTarget("")).toBeNull();
  for (const bad of [
    "https://evil.example/oidc/interaction/x",
    "//evil.example/oidc/interaction/x",
    "/oidc/interaction/x/../../api",
    "/oidc/interaction/",
    "/somewhere",
  ]) {
    expect(continueTarget(`?continue=${encodeURIComponent(bad)}`), bad).toBeNull();
  }
});

test("a federated sign-in carries a valid interaction along, and only a valid one", () => {
  const start = "/federation/abc/start?login_hint=jean%40interieur.gouv.fr";
  expect(federationTarget(start, "?continue=%2Foidc%2Finteraction%2FAbc-123_x")).toBe(
    `${start}&continue=%2Foidc%2Finteraction%2FAbc-123_x`,
  );
  expect(federationTarget(start, "")).toBe(start);
  expect(federationTarget(start, "?continue=%2F%2Fevil.example%2Foidc%2Finteraction%2Fx")).toBe(
    start,
  );
  expect(federationTarget("/federation/abc/start", "?continue=/oidc/interaction/u1")).toBe(
    "/federation/abc/start?continue=%2Foidc%2Finteraction%2Fu1",
  );
});
