import { describe, expect, it } from "vitest";
import { snippetParts } from "./search.js";

describe("snippetParts", () => {
  it("splits marked matches from the text around them, unescaping entities", () => {
    const parts = snippetParts("the <mark>budget</mark> &amp; <mark>plan</mark> &lt;2027&gt;");
    expect(parts.map(({ text, marked }) => ({ text, marked }))).toEqual([
      { text: "the ", marked: false },
      { text: "budget", marked: true },
      { text: " & ", marked: false },
      { text: "plan", marked: true },
      { text: " <2027>", marked: false },
    ]);
  });

  it("never lets other markup through as markup", () => {
    expect(snippetParts('<img src=x onerror="alert(1)">hi')).toEqual([
      { text: "hi", marked: false, at: 0 },
    ]);
  });
});
