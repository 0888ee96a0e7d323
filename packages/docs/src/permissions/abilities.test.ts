import { describe, expect, test } from "vitest";
import { abilitiesOf, effectiveRole } from "./abilities.js";

const restricted = { link_reach: "restricted", link_role: "editor" } as const;
const member = { userId: "u1", groupIds: [] };

describe("effectiveRole", () => {
  test("the highest of own grants and reachable link roles wins", () => {
    expect(effectiveRole(member, [{ role: "reader" }, { role: "editor" }], [restricted])).toBe(
      "editor",
    );
    expect(
      effectiveRole(
        member,
        [{ role: "reader" }],
        [{ link_reach: "authenticated", link_role: "commenter" }],
      ),
    ).toBe("commenter");
  });

  test("a restricted link gives nothing; an authenticated one nothing to visitors", () => {
    expect(effectiveRole(member, [], [restricted])).toBeNull();
    expect(
      effectiveRole(null, [], [{ link_reach: "authenticated", link_role: "reader" }]),
    ).toBeNull();
    expect(effectiveRole(null, [], [{ link_reach: "public", link_role: "reader" }])).toBe("reader");
  });

  test("grants never apply to a visitor who is not signed in", () => {
    expect(effectiveRole(null, [{ role: "owner" }], [restricted])).toBeNull();
  });
});

describe("abilitiesOf", () => {
  test("each role adds to the one below", () => {
    expect(abilitiesOf(null).read).toBe(false);
    expect(abilitiesOf("reader")).toMatchObject({ read: true, comment: false, edit: false });
    expect(abilitiesOf("commenter")).toMatchObject({ comment: true, edit: false });
    expect(abilitiesOf("editor")).toMatchObject({ edit: true, share: false });
    expect(abilitiesOf("administrator")).toMatchObject({ share: true, trash: false });
    expect(abilitiesOf("owner")).toMatchObject({ trash: true, manageOwners: true });
  });
});
