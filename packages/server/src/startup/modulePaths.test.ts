import { claimPaths } from "@tandem/kernel";
import { describe, expect, it } from "vitest";
import { createModules } from "../modules.js";

describe("the modules' declared paths", () => {
  it("do not clash in this build, and each module holds its own", () => {
    const claims = claimPaths(createModules());
    expect(claims.get("docs")?.paths).toMatchObject({
      rest: ["/api/docs/v1"],
      upgrades: ["/api/docs/collab"],
    });
    expect(claims.get("identity")?.paths.raw).toContain("/oidc");
  });

  it("a module claiming a path under another's stops the start, in one line", () => {
    const chat = { name: "chat", paths: { prefixes: ["/scim/v2/Chats"] } };
    expect(() => claimPaths([...createModules(), chat])).toThrow(
      /^modules identity and chat both claim a path: \/scim\/v2 and \/scim\/v2\/Chats$/,
    );
    const socket = { name: "chat", paths: { upgrades: ["/api/docs/collab"] } };
    expect(() => claimPaths([...createModules(), socket])).toThrow(
      "modules docs and chat both claim a path: /api/docs/collab and /api/docs/collab",
    );
  });
});
