import { afterEach, describe, expect, it, vi } from "vitest";
import { fetchDocument, fetchList } from "./documents.js";

const summary = {
  id: "d1",
  parentId: null,
  title: "Budget 2027",
  icon: null,
  linkReach: "restricted",
  linkRole: "reader",
  isTemplate: false,
  createdAt: 1,
  updatedAt: 2,
};
const abilities = {
  read: true,
  comment: true,
  edit: true,
  createChild: true,
  share: false,
  move: false,
  trash: false,
  manageOwners: false,
};

function answer(body: unknown) {
  vi.stubGlobal(
    "fetch",
    vi.fn(async () => new Response(JSON.stringify(body), { status: 200 })),
  );
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("docs answers, read with the server's wire schemas", () => {
  it("reads a document with its role and abilities", async () => {
    answer({ ...summary, role: "editor", abilities, extra: "ignored" });
    await expect(fetchDocument("d1")).resolves.toEqual({ ...summary, role: "editor", abilities });
  });

  it("refuses a role or a link reach the API does not have", async () => {
    answer({ ...summary, role: "emperor", abilities });
    await expect(fetchDocument("d1")).rejects.toMatchObject({ code: "invalid_response" });
    answer({ documents: [{ ...summary, linkReach: "everyone" }] });
    await expect(fetchList("shared")).rejects.toMatchObject({ code: "invalid_response" });
  });
});
