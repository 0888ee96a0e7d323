import { randomBytes } from "node:crypto";
import { GroupStore } from "@tandem/identity";
import type { ApiClient, TestServer } from "@tandem/testkit";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { ERROR, GROUP, PATCH_OP, startScimServer, USER } from "./scimSupport.js";

let server: TestServer;
let scim: ApiClient;
const people: Array<{ id: string; displayName: string }> = [];
beforeAll(async () => {
  ({ server, scim } = await startScimServer());
  for (const name of ["Anne Alpha", "Bruno Beta", "Chloé Gamma", "Denis Delta"]) {
    const response = await scim.request("POST", "/Users", {
      schemas: [USER],
      userName: `${name.split(" ")[0]?.toLowerCase()}-${randomBytes(3).toString("hex")}@groups.example`,
      displayName: name,
    });
    expect(response.status, response.text).toBe(201);
    people.push({ id: response.json.id, displayName: name });
  }
});
afterAll(() => server?.close());

const person = (index: number) => people[index]?.id ?? "";
const memberIds = (group: { members?: Array<{ value: string }> }) =>
  (group.members ?? []).map((m) => m.value).sort();

async function createGroup(displayName: string, members: string[] = []) {
  const response = await scim.request("POST", "/Groups", {
    schemas: [GROUP],
    displayName,
    externalId: `ext-${displayName}`,
    members: members.map((value) => ({ value })),
  });
  expect(response.status, response.text).toBe(201);
  return response.json as { id: string; members: Array<{ value: string; display: string }> };
}

const patchGroup = (id: string, Operations: unknown[]) =>
  scim.request("PATCH", `/Groups/${id}`, { schemas: [PATCH_OP], Operations });

describe("SCIM /Groups", () => {
  test("POST, GET, list and filter by displayName", async () => {
    const created = await createGroup("Bureau des agents", [person(0), person(1)]);
    expect(created).toMatchObject({
      schemas: [GROUP],
      displayName: "Bureau des agents",
      externalId: "ext-Bureau des agents",
      meta: { resourceType: "Group", location: `${server.url}/scim/v2/Groups/${created.id}` },
    });
    expect(created.members).toEqual([
      {
        value: person(0),
        display: "Anne Alpha",
        type: "User",
        $ref: `${server.url}/scim/v2/Users/${person(0)}`,
      },
      {
        value: person(1),
        display: "Bruno Beta",
        type: "User",
        $ref: `${server.url}/scim/v2/Users/${person(1)}`,
      },
    ]);
    await createGroup("Bureau du budget");
    await createGroup("Cabinet");

    const names = async (filter: string) => {
      const response = await scim.request(
        "GET",
        `/Groups?filter=${encodeURIComponent(filter)}&sortBy=displayName`,
      );
      expect(response.status, response.text).toBe(200);
      return response.json.Resources.map((g: { displayName: string }) => g.displayName);
    };
    expect(await names('displayName eq "cabinet"')).toEqual(["Cabinet"]);
    expect(await names('displayName sw "Bureau"')).toEqual([
      "Bureau des agents",
      "Bureau du budget",
    ]);
    expect(await names('displayName co "du"')).toEqual(["Bureau du budget"]);
    expect(await names(`members[value eq "${person(1)}"]`)).toEqual(["Bureau des agents"]);

    const light = await scim.request(
      "GET",
      `/Groups?excludedAttributes=members&filter=${encodeURIComponent('displayName eq "Bureau des agents"')}`,
    );
    expect(light.json.Resources[0]).not.toHaveProperty("members");
    expect(light.json.totalResults).toBe(1);
    const user = await scim.request("GET", `/Users/${person(0)}`);
    expect(user.json.groups).toEqual([
      {
        value: created.id,
        display: "Bureau des agents",
        $ref: `${server.url}/scim/v2/Groups/${created.id}`,
      },
    ]);
  });

  test("PATCH adds and removes members, by value list and by members[value eq] path", async () => {
    const group = await createGroup("Projet", [person(0)]);
    const added = await patchGroup(group.id, [
      {
        op: "Add",
        path: "members",
        value: [{ value: person(1) }, { value: person(2), display: "whatever" }],
      },
    ]);
    expect(added.status, added.text).toBe(200);
    expect(memberIds(added.json)).toEqual([person(0), person(1), person(2)].sort());

    const removedByValue = await patchGroup(group.id, [
      { op: "Remove", path: "members", value: [{ value: person(0), display: "Anne Alpha" }] },
    ]);
    expect(memberIds(removedByValue.json)).toEqual([person(1), person(2)].sort());
    const removedByFilter = await patchGroup(group.id, [
      { op: "remove", path: `members[value eq "${person(1)}"]` },
      { op: "replace", path: "displayName", value: "Projet renommé" },
    ]);
    expect(removedByFilter.json).toMatchObject({ displayName: "Projet renommé" });
    expect(memberIds(removedByFilter.json)).toEqual([person(2)]);

    const replaced = await patchGroup(group.id, [
      { op: "replace", value: { displayName: "Projet final", members: [{ value: person(3) }] } },
    ]);
    expect(replaced.json.displayName).toBe("Projet final");
    expect(memberIds(replaced.json)).toEqual([person(3)]);
    const emptied = await patchGroup(group.id, [{ op: "remove", path: "members" }]);
    expect(memberIds(emptied.json)).toEqual([]);
  });

  test("membership is what GroupStore.groupsOf reports, for claims and sharing", async () => {
    const a = await createGroup("Lecteurs", [person(3)]);
    const b = await createGroup("Auteurs", [person(3), person(2)]);
    const store = new GroupStore(server.tandem.database);
    expect(await store.groupsOf(person(3))).toEqual(
      expect.arrayContaining([
        { id: a.id, displayName: "Lecteurs" },
        { id: b.id, displayName: "Auteurs" },
      ]),
    );
    // A deprovisioned account leaves every group.
    expect((await scim.request("DELETE", `/Users/${person(3)}`)).status).toBe(204);
    expect(await store.groupsOf(person(3))).toEqual([]);
    const after = await scim.request("GET", `/Groups/${b.id}`);
    expect(memberIds(after.json)).toEqual([person(2)]);
  });

  test("PUT replaces the membership; DELETE removes the group, not its members", async () => {
    const group = await createGroup("Temporaire", [person(0), person(1)]);
    const put = await scim.request("PUT", `/Groups/${group.id}`, {
      schemas: [GROUP],
      displayName: "Permanent",
      members: [{ value: person(2) }],
    });
    expect(put.status, put.text).toBe(200);
    expect(put.json).toMatchObject({ displayName: "Permanent" });
    expect(put.json).not.toHaveProperty("externalId");
    expect(memberIds(put.json)).toEqual([person(2)]);
    expect((await scim.request("DELETE", `/Groups/${group.id}`)).status).toBe(204);
    expect((await scim.request("GET", `/Groups/${group.id}`)).status).toBe(404);
    expect((await scim.request("GET", `/Users/${person(2)}`)).status).toBe(200);
  });

  test("bad groups and bad member operations are SCIM errors", async () => {
    const group = await createGroup("Erreurs", [person(0)]);
    const cases: Array<[string, string, unknown, string]> = [
      ["POST", "/Groups", { schemas: [GROUP] }, "invalidValue"],
      [
        "POST",
        "/Groups",
        { schemas: [GROUP], displayName: "x", members: [{ value: "no-such-user" }] },
        "invalidValue",
      ],
      [
        "POST",
        "/Groups",
        { schemas: [GROUP], displayName: "x", members: [{ value: person(0), type: "Group" }] },
        "invalidValue",
      ],
      [
        "PATCH",
        `/Groups/${group.id}`,
        {
          schemas: [PATCH_OP],
          Operations: [{ op: "add", path: "members", value: [{ value: "ghost" }] }],
        },
        "invalidValue",
      ],
      [
        "PATCH",
        `/Groups/${group.id}`,
        {
          schemas: [PATCH_OP],
          Operations: [{ op: "replace", path: 'members[value eq "ghost"]', value: {} }],
        },
        "noTarget",
      ],
      [
        "PATCH",
        `/Groups/${group.id}`,
        { schemas: [PATCH_OP], Operations: [{ op: "remove", path: "members[value eq]" }] },
        "invalidPath",
      ],
      [
        "PATCH",
        `/Groups/${group.id}`,
        { schemas: [PATCH_OP], Operations: [{ op: "replace", path: "displayName", value: "" }] },
        "invalidValue",
      ],
      [
        "PATCH",
        `/Groups/${group.id}`,
        { schemas: [PATCH_OP], Operations: [{ op: "replace", path: "id", value: "x" }] },
        "mutability",
      ],
      [
        "GET",
        `/Groups?filter=${encodeURIComponent("displayName zz 1")}`,
        undefined,
        "invalidFilter",
      ],
    ];
    for (const [method, path, body, scimType] of cases) {
      const response = await scim.request(method, path, body);
      expect(response.status, `${method} ${path} ${JSON.stringify(body)}`).toBe(400);
      expect(response.json).toMatchObject({ schemas: [ERROR], status: "400", scimType });
    }
    expect(
      (await scim.request("PATCH", "/Groups/nope", { schemas: [PATCH_OP], Operations: [] })).status,
    ).toBe(400);
    expect((await scim.request("DELETE", "/Groups/nope")).status).toBe(404);
    const still = await scim.request("GET", `/Groups/${group.id}`);
    expect(memberIds(still.json)).toEqual([person(0)]);
  });
});
