import { describe, expect, it } from "vitest";
import { upstreamUsedMfa } from "./secondFactorRule.js";

describe("upstreamUsedMfa", () => {
  it.each([
    [undefined, ["pwd", "mfa"], true],
    ["eidas1", ["pwd", "otp", "mfa"], true],
    ["eidas2", ["pwd"], true],
    ["eidas3", [], true],
    ["eidas1-mfa", [], true],
    ["eidas1", ["pwd", "otp"], false],
    ["eidas1", ["pwd"], false],
    [undefined, [], false],
    ["eidas20", [], false],
  ] as const)("acr %s, amr %j: %s", (acr, amr, expected) => {
    expect(upstreamUsedMfa(acr, amr)).toBe(expected);
  });
});
