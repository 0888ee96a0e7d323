import { describe, expect, it } from "vitest";
import { CURSOR_COLOURS, initials, userColour } from "./userColor.js";

describe("userColour", () => {
  it("gives one person the same colour every time", () => {
    expect(userColour("7d1c0f6e-1")).toBe(userColour("7d1c0f6e-1"));
  });

  it("picks from the readable palette and spreads people over it", () => {
    const seen = new Set(Array.from({ length: 200 }, (_, i) => userColour(`user-${i}`)));
    for (const colour of seen) expect(CURSOR_COLOURS).toContain(colour);
    expect(seen.size).toBeGreaterThan(CURSOR_COLOURS.length / 2);
  });
});

describe("initials", () => {
  it("takes the first and last words", () => {
    expect(initials("Camille Marie Agent")).toBe("CA");
    expect(initials("dominique")).toBe("D");
    expect(initials("  ")).toBe("");
  });
});
