import type { ModuleApp, TandemModule } from "@tandem/kernel";
import { describe, expect, it } from "vitest";
import { collectApps } from "./apps.js";

const app = (id: string, path: string): ModuleApp => ({
  id,
  path,
  name: { en: id, fr: id, de: id },
  icon: "apps",
});
const module = (name: string, entry?: ModuleApp): TandemModule =>
  entry ? { name, app: entry } : { name };

describe("collectApps", () => {
  it("lists the modules' apps in their order, skipping modules without one", () => {
    const docs = app("docs", "/docs");
    const chat = app("chat", "/chat");
    expect(collectApps([module("identity"), module("docs", docs), module("chat", chat)])).toEqual([
      docs,
      chat,
    ]);
  });

  it("refuses two modules declaring the same app id, in one line", () => {
    expect(() =>
      collectApps([module("docs", app("docs", "/docs")), module("more", app("docs", "/more"))]),
    ).toThrow(/^Modules "docs" and "more" both declare the app "docs"$/);
  });

  it("refuses an app path equal to or under another's", () => {
    expect(() =>
      collectApps([module("docs", app("docs", "/docs")), module("x", app("x", "/docs/"))]),
    ).toThrow('The app paths "/docs" (docs) and "/docs/" (x) clash');
    expect(() =>
      collectApps([module("docs", app("docs", "/docs/x")), module("y", app("y", "/docs"))]),
    ).toThrow(/clash$/);
  });

  it("accepts paths that only share a prefix of characters", () => {
    expect(() =>
      collectApps([module("docs", app("docs", "/docs")), module("d", app("d", "/docsearch"))]),
    ).not.toThrow();
  });
});
