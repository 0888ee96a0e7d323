import { expect, test } from "vitest";
import { continueTarget } from "./continueTo.js";

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
