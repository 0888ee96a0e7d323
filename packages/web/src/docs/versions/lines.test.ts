import { describe, expect, it } from "vitest";
import { splitLines } from "./lines.js";

describe("splitLines", () => {
  it("gives every line of a change its own entry", () => {
    expect(
      splitLines([
        { change: "same", text: "Title" },
        { change: "added", text: "one\ntwo" },
      ]),
    ).toEqual([
      { change: "same", text: "Title" },
      { change: "added", text: "one" },
      { change: "added", text: "two" },
    ]);
  });
});
