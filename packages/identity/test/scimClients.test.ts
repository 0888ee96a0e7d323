import { randomBytes } from "node:crypto";
import type { ApiClient, TestServer } from "@tandem/testkit";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { ENTERPRISE, GROUP, LIST, PATCH_OP, startScimServer, USER } from "./scimSupport.js";

let server: TestServer;
let scim: ApiClient;
beforeAll(async () => {
  ({ server, scim } = await startScimServer());
});
afterAll(() => server?.close());

// What these clients send, as application/scim+json.
const send = (method: string, path: string, body?: unknown) =>
  scim.request(
    method,
    path,
    body,
    body === undefined ? {} : { "content-type": "application/scim+json; charset=utf-8" },
  );
const byUserName = (userName: string) =>
  send("GET", `/Users?filter=${encodeURIComponent(`userName eq "${userName}"`)}`);

describe("what provisioning clients send", () => {
  test("Entra ID: look up, create, update with capitalised ops, disable, delete; groups", async () => {
    const userName = `Test_User_${randomBytes(3).toString("hex")}@contoso.example`;
    expect((await byUserName(userName)).json).toMatchObject({
      schemas: [LIST],
      totalResults: 0,
      Resources: [],
    });
    const created = await send("POST", "/Users", {
      schemas: [USER, ENTERPRISE],
      externalId: "0a21f0f2-8d2a-4f8e-bf98-7363c4aed4ef",
      userName,
      active: true,
      emails: [{ primary: true, type: "work", value: userName }],
      meta: { resourceType: "User" },
      name: { formatted: "givenName familyName", familyName: "familyName", givenName: "givenName" },
      roles: [],
    });
    expect(created.status, created.text).toBe(201);
    const id = created.json.id;
    expect((await byUserName(userName)).json.Resources[0].id).toBe(id);

    const updated = await send("PATCH", `/Users/${id}`, {
      schemas: [PATCH_OP],
      Operations: [
        { op: "Replace", path: 'emails[type eq "work"].value', value: userName },
        { op: "Replace", path: "name.familyName", value: "updatedFamilyName" },
        { op: "Add", path: `${ENTERPRISE}:organization`, value: "Tandem" },
      ],
    });
    expect(updated.status, updated.text).toBe(200);
    expect(updated.json.name.familyName).toBe("updatedFamilyName");
    const disabled = await send("PATCH", `/Users/${id}`, {
      schemas: [PATCH_OP],
      Operations: [{ op: "Replace", path: "active", value: "False" }],
    });
    expect(disabled.json.active).toBe(false);

    const groupName = `Group_${randomBytes(3).toString("hex")}`;
    const noGroup = await send(
      "GET",
      `/Groups?excludedAttributes=members&filter=${encodeURIComponent(`displayName eq "${groupName}"`)}`,
    );
    expect(noGroup.json.totalResults).toBe(0);
    const group = await send("POST", "/Groups", {
      schemas: [GROUP],
      externalId: "8aa1a0c0-c4c3-4bc0-b4a5-2ef676900159",
      displayName: groupName,
      meta: { resourceType: "Group" },
      members: [],
    });
    expect(group.status, group.text).toBe(201);
    const add = await send("PATCH", `/Groups/${group.json.id}`, {
      schemas: [PATCH_OP],
      Operations: [{ op: "Add", path: "members", value: [{ $ref: null, value: id }] }],
    });
    expect(add.status, add.text).toBe(200);
    const member = `id eq "${group.json.id}" and members[value eq "${id}"]`;
    const check = await send(
      "GET",
      `/Groups?excludedAttributes=members&filter=${encodeURIComponent(member)}`,
    );
    expect(check.json.totalResults).toBe(1);
    const remove = await send("PATCH", `/Groups/${group.json.id}`, {
      schemas: [PATCH_OP],
      Operations: [{ op: "Remove", path: "members", value: [{ $ref: null, value: id }] }],
    });
    expect(remove.json.members).toEqual([]);

    expect((await send("DELETE", `/Users/${id}`)).status).toBe(204);
    expect((await byUserName(userName)).json.totalResults).toBe(0);
  });

  test("Okta: paged lookup, create with groups:[], PUT the whole user, no-path replace", async () => {
    const userName = `okta.${randomBytes(3).toString("hex")}@example.com`;
    const lookup = await send(
      "GET",
      `/Users?filter=${encodeURIComponent(`userName eq "${userName}"`)}&startIndex=1&count=100`,
    );
    expect(lookup.json).toMatchObject({ totalResults: 0, startIndex: 1, itemsPerPage: 0 });
    const created = await send("POST", "/Users", {
      schemas: [USER],
      userName,
      name: { givenName: "Test", familyName: "User" },
      emails: [{ primary: true, value: userName, type: "work" }],
      displayName: "Test User",
      locale: "en-US",
      externalId: "00ujl29u0le5T6Aj10h7",
      groups: [],
      active: true,
    });
    expect(created.status, created.text).toBe(201);
    const id = created.json.id;
    const fetched = await send("GET", `/Users/${id}`);
    const put = await send("PUT", `/Users/${id}`, {
      ...fetched.json,
      name: { givenName: "Another", familyName: "User" },
    });
    expect(put.status, put.text).toBe(200);
    expect(put.json).toMatchObject({
      name: { givenName: "Another", familyName: "User" },
      active: true,
    });
    const deactivated = await send("PATCH", `/Users/${id}`, {
      schemas: [PATCH_OP],
      Operations: [{ op: "replace", value: { active: false } }],
    });
    expect(deactivated.json.active).toBe(false);

    const group = await send("POST", "/Groups", {
      schemas: [GROUP],
      displayName: "Test SCIMv2",
      members: [{ value: id, display: userName }],
    });
    const renamed = await send("PATCH", `/Groups/${group.json.id}`, {
      schemas: [PATCH_OP],
      Operations: [{ op: "replace", value: { id: group.json.id, displayName: "Renamed SCIMv2" } }],
    });
    expect(renamed.status, renamed.text).toBe(200);
    expect(renamed.json).toMatchObject({ displayName: "Renamed SCIMv2", members: [{ value: id }] });
  });
});

describe("discovery", () => {
  test("ServiceProviderConfig, ResourceTypes and Schemas describe what Tandem supports", async () => {
    const config = await send("GET", "/ServiceProviderConfig");
    expect(config.headers.get("content-type")).toContain("application/scim+json");
    expect(config.json).toMatchObject({
      patch: { supported: true },
      bulk: { supported: false },
      filter: { supported: true, maxResults: 200 },
      changePassword: { supported: false },
      sort: { supported: true },
      etag: { supported: false },
      authenticationSchemes: [{ type: "oauthbearertoken" }],
    });
    const types = await send("GET", "/ResourceTypes");
    expect(types.json.Resources.map((t: { id: string }) => t.id)).toEqual(["User", "Group"]);
    expect((await send("GET", "/ResourceTypes/User")).json).toMatchObject({
      endpoint: "/Users",
      schema: USER,
      schemaExtensions: [{ schema: ENTERPRISE, required: false }],
    });
    const schemas = await send("GET", "/Schemas");
    expect(schemas.json.Resources.map((s: { id: string }) => s.id)).toEqual([
      USER,
      GROUP,
      ENTERPRISE,
    ]);
    const user = await send("GET", `/Schemas/${USER}`);
    expect(user.json.attributes.map((a: { name: string }) => a.name)).toContain("userName");
    expect((await send("GET", "/Schemas/urn:nope")).status).toBe(404);
  });
});
