import { describe, expect, it } from "vitest";
import { claimPaths, isAtOrUnder, ModuleClaims, pathsOverlap } from "./paths.js";

describe("paths", () => {
  it("compares by segments", () => {
    expect(isAtOrUnder("/docs", "/docs")).toBe(true);
    expect(isAtOrUnder("/docs/x", "/docs")).toBe(true);
    expect(isAtOrUnder("/docsx", "/docs")).toBe(false);
    expect(isAtOrUnder("/docs", "/docs/x")).toBe(false);
    expect(pathsOverlap("/docs", "/docs/x")).toBe(true);
    expect(pathsOverlap("/docs/x", "/docs")).toBe(true);
    expect(pathsOverlap("/docs", "/docsearch")).toBe(false);
  });

  it("a module's claims accept its paths and what lies under them, per kind", () => {
    const claims = new ModuleClaims("docs", {
      rest: ["/api/docs/v1"],
      upgrades: ["/api/docs/collab"],
    });
    expect(() => claims.require("rest", "/api/docs/v1")).not.toThrow();
    expect(() => claims.require("upgrades", "/api/docs/collab")).not.toThrow();
    expect(() => claims.require("rest", "/api/docs/collab")).toThrow(
      /^module docs: \/api\/docs\/collab is not declared in its paths.rest$/,
    );
    expect(() => new ModuleClaims("bare").require("raw", "/x")).toThrow(
      "module bare: /x is not declared in its paths.raw",
    );
  });
});

describe("claimPaths", () => {
  it("hands each module its claims, overlaps within one module allowed", () => {
    const claims = claimPaths([
      {
        name: "identity",
        paths: { raw: ["/oidc"], prefixes: ["/oidc/interaction", "/provisioning/v2"] },
      },
      { name: "docs", paths: { rest: ["/api/docs/v1"], upgrades: ["/api/docs/collab"] } },
      { name: "quiet" },
    ]);
    expect([...claims.keys()]).toEqual(["identity", "docs", "quiet"]);
    expect(claims.get("docs")?.paths.rest).toEqual(["/api/docs/v1"]);
  });

  it("refuses two modules claiming one path, or one under the other, in one line", () => {
    expect(() =>
      claimPaths([
        { name: "docs", paths: { rest: ["/api/docs/v1"] } },
        { name: "chat", paths: { prefixes: ["/api/docs/v1"] } },
      ]),
    ).toThrow(/^modules docs and chat both claim a path: \/api\/docs\/v1 and \/api\/docs\/v1$/);
    expect(() =>
      claimPaths([
        { name: "docs", paths: { upgrades: ["/api/docs/collab"] } },
        { name: "chat", paths: { raw: ["/api/docs"] } },
      ]),
    ).toThrow("modules docs and chat both claim a path: /api/docs/collab and /api/docs");
    expect(() =>
      claimPaths([
        { name: "docs", paths: { rest: ["/api/docs"] } },
        { name: "d", paths: { rest: ["/api/docsearch"] } },
      ]),
    ).not.toThrow();
  });

  it("refuses a path that does not start with a slash, or ends with one", () => {
    expect(() => claimPaths([{ name: "m", paths: { rest: ["api/m"] } }])).toThrow(
      'module m: path api/m must start and not end with "/"',
    );
    expect(() => claimPaths([{ name: "m", paths: { prefixes: ["/"] } }])).toThrow(
      /^module m: path \/ /,
    );
  });
});
