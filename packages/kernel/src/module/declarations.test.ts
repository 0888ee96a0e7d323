import { describe, expect, it } from "vitest";
import { Declarations } from "./declarations.js";

const twice = () =>
  new Declarations<string>({
    refuse: (first, second) => new Error(`${second.value}: by ${first.by} and by ${second.by}`),
  });

describe("Declarations", () => {
  it("keeps each value once, in the order declared", () => {
    const names = twice().add("a", "one").add("b", "two");
    expect(names.values()).toEqual(["a", "b"]);
    expect(names.entries()).toEqual([
      { value: "a", by: "one" },
      { value: "b", by: "two" },
    ]);
    expect(names.has("a")).toBe(true);
    expect(names.has("c")).toBe(false);
  });

  it("refuses a value declared again with the caller's line, naming the first declarer", () => {
    const names = twice().add("a", "one");
    expect(() => names.add("a", "two")).toThrow(/^a: by one and by two$/);
    // The refused one is not kept.
    expect(names.entries()).toEqual([{ value: "a", by: "one" }]);
  });

  it("compares by key when one is given", () => {
    const jobs = new Declarations<{ name: string; everyMs: number }>({
      key: (job) => job.name,
      refuse: (_, second) => new Error(`job ${second.value.name} twice`),
    });
    jobs.add({ name: "x", everyMs: 1 }, "m");
    expect(() => jobs.add({ name: "x", everyMs: 2 }, "n")).toThrow("job x twice");
  });

  it("lets `conflicts` decide instead of equal keys", () => {
    const prefixes = new Declarations<string>({
      conflicts: (a, b) =>
        a.by !== b.by && (a.value.startsWith(b.value) || b.value.startsWith(a.value)),
      refuse: (first, second) =>
        new Error(`${first.value} (${first.by}) / ${second.value} (${second.by})`),
    });
    prefixes.addAll([
      { value: "/a", by: "m" },
      { value: "/a/b", by: "m" },
      { value: "/c", by: "n" },
    ]);
    expect(() => prefixes.add("/a/b/c", "n")).toThrow("/a (m) / /a/b/c (n)");
  });
});
