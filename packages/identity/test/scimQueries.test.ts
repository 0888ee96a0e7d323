import { randomBytes } from "node:crypto";
import type { ApiClient, TestServer } from "@tandem/testkit";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { ENTERPRISE, LIST, PATCH_OP, startScimServer, USER } from "./scimSupport.js";

// Every account this suite makes is in one domain, so filters can be scoped to it.
const domain = `q${randomBytes(3).toString("hex")}.example`;
const people = [
  { local: "ada.lovelace", given: "Ada", family: "Lovelace", externalId: "EXT-1", active: true },
  { local: "alan.turing", given: "Alan", family: "Turing", externalId: "ext-2", active: true },
  { local: "grace.hopper", given: "Grace", family: "Hopper", externalId: "EXT-3", active: false },
  { local: "élodie.durand", given: "Élodie", family: "Durand", externalId: null, active: true },
  { local: "k_100%", given: "Karl", family: "Percent", externalId: "EXT-5", active: true },
];

let server: TestServer;
let scim: ApiClient;
const ids = new Map<string, string>();
beforeAll(async () => {
  ({ server, scim } = await startScimServer());
  for (const person of people) {
    const response = await scim.request("POST", "/Users", {
      schemas: [USER],
      userName: `${person.local}@${domain}`,
      name: { givenName: person.given, familyName: person.family },
      ...(person.externalId ? { externalId: person.externalId } : {}),
      active: person.active,
    });
    expect(response.status, response.text).toBe(201);
    ids.set(person.local, response.json.id);
  }
});
afterAll(() => server?.close());

/** The local parts of the accounts of this suite that a filter finds. */
async function find(expression: string): Promise<string[]> {
  const scoped = `(${expression}) and userName ew "@${domain}"`;
  const response = await scim.request(
    "GET",
    `/Users?count=200&filter=${encodeURIComponent(scoped)}`,
  );
  expect(response.status, response.text).toBe(200);
  expect(response.json.totalResults).toBe(response.json.Resources.length);
  return (response.json.Resources as Array<{ userName: string }>)
    .map((user) => user.userName.split("@")[0] ?? "")
    .sort();
}

describe("SCIM filters", () => {
  test("eq, ne, co, sw, ew, pr, gt/lt on each attribute; strings ignore case unless caseExact", async () => {
    expect(await find(`userName eq "ADA.LOVELACE@${domain.toUpperCase()}"`)).toEqual([
      "ada.lovelace",
    ]);
    expect(await find('emails.value sw "alan."')).toEqual(["alan.turing"]);
    expect(await find('emails[type eq "work" and value co "hopper"]')).toEqual(["grace.hopper"]);
    expect(await find('name.givenName eq "ada"')).toEqual(["ada.lovelace"]);
    expect(await find('name.familyName co "UR"')).toEqual(["alan.turing", "élodie.durand"]);
    expect(await find('displayName ew "hopper"')).toEqual(["grace.hopper"]);
    expect(await find('name.givenName eq "Élodie"')).toEqual(["élodie.durand"]);
    // externalId is caseExact (RFC 7643 §3.1).
    expect(await find('externalId eq "ext-1"')).toEqual([]);
    expect(await find('externalId eq "EXT-1"')).toEqual(["ada.lovelace"]);
    expect(await find('externalId sw "EXT"')).toEqual(["ada.lovelace", "grace.hopper", "k_100%"]);
    expect(await find("externalId pr")).toHaveLength(4);
    expect(await find('externalId ne "EXT-1"')).toHaveLength(4);
    expect(await find(`id eq "${ids.get("alan.turing")}"`)).toEqual(["alan.turing"]);
    expect(await find("active eq false")).toEqual(["grace.hopper"]);
    expect(await find("active eq true")).toHaveLength(4);
    // LIKE's wildcards in a value are plain characters.
    expect(await find('userName co "_100%"')).toEqual(["k_100%"]);
    expect(await find('userName sw "k_"')).toEqual(["k_100%"]);
    expect(await find('userName co "%"')).toEqual(["k_100%"]);
    expect(await find('meta.created gt "2000-01-01T00:00:00Z"')).toHaveLength(5);
    expect(await find('meta.created lt "2000-01-01T00:00:00Z"')).toEqual([]);
  });

  test("and, or, not and parentheses, with SCIM's precedence", async () => {
    expect(await find('name.givenName sw "A" and not (name.familyName eq "Turing")')).toEqual([
      "ada.lovelace",
    ]);
    expect(
      await find('name.givenName eq "Grace" or name.givenName eq "Ada" and active eq false'),
    ).toEqual(["grace.hopper"]);
    expect(
      await find('(name.givenName eq "Grace" or name.givenName eq "Ada") and active eq true'),
    ).toEqual(["ada.lovelace"]);
    expect(await find('name.givenName Eq "Karl" OR name.givenName EQ "Alan"')).toEqual([
      "alan.turing",
      "k_100%",
    ]);
  });

  test("string values are JSON strings: escapes decode, a stray backslash stays", async () => {
    expect(await find('name.familyName eq "\\u0054uring"')).toEqual(["alan.turing"]);
    expect(await find('name.givenName eq "\\u00c9lodie"')).toEqual(["élodie.durand"]);
    expect(await find('displayName eq "Ada\\tLovelace"')).toEqual([]);
  });

  test("filters that cannot be read or name an unknown attribute are 400 invalidFilter", async () => {
    for (const bad of [
      'userName eq "a" and',
      "userName eq",
      'userName xx "a"',
      '(userName eq "a"',
      'userName eq "a")',
      "userName eq 'single'",
      'nickName eq "x"',
      "active eq 1",
      'active co "t"',
      'meta.created gt "not a date"',
      'emails[value eq "a" and emails[type eq "work"]]',
      `${"(".repeat(100)}userName pr${")".repeat(100)}`,
      'userName eq "unterminated',
    ]) {
      const response = await scim.request("GET", `/Users?filter=${encodeURIComponent(bad)}`);
      expect(response.status, bad).toBe(400);
      expect(response.json, bad).toMatchObject({ status: "400", scimType: "invalidFilter" });
    }
  });
});

describe("SCIM pagination, sorting and attributes", () => {
  const scoped = encodeURIComponent(`userName ew "@${domain}"`);

  test("startIndex and count page through a ListResponse", async () => {
    const first = await scim.request("GET", `/Users?filter=${scoped}&sortBy=userName&count=2`);
    expect(first.json).toMatchObject({
      schemas: [LIST],
      totalResults: 5,
      itemsPerPage: 2,
      startIndex: 1,
    });
    const seen: string[] = first.json.Resources.map((u: { userName: string }) => u.userName);
    for (const startIndex of [3, 5]) {
      const page = await scim.request(
        "GET",
        `/Users?filter=${scoped}&sortBy=userName&startIndex=${startIndex}&count=2`,
      );
      expect(page.json).toMatchObject({ totalResults: 5, startIndex });
      seen.push(...page.json.Resources.map((u: { userName: string }) => u.userName));
    }
    expect(seen).toHaveLength(5);
    expect(seen).toEqual([...seen].sort());
    const past = await scim.request("GET", `/Users?filter=${scoped}&startIndex=50`);
    expect(past.json).toMatchObject({ totalResults: 5, itemsPerPage: 0, Resources: [] });
    const countOnly = await scim.request("GET", `/Users?filter=${scoped}&count=0`);
    expect(countOnly.json).toMatchObject({ totalResults: 5, itemsPerPage: 0 });
    // Out of range is brought in range (RFC 7644 §3.4.2.4); not a number is refused.
    const low = await scim.request("GET", `/Users?filter=${scoped}&startIndex=-4&count=-1`);
    expect(low.json).toMatchObject({ startIndex: 1, itemsPerPage: 0 });
    const nan = await scim.request("GET", "/Users?count=many");
    expect(nan.json).toMatchObject({ status: "400", scimType: "invalidValue" });
  });

  test("sortBy and sortOrder; an unknown sort attribute is refused", async () => {
    const byFamily = await scim.request(
      "GET",
      `/Users?filter=${scoped}&sortBy=name.familyName&sortOrder=descending`,
    );
    expect(
      byFamily.json.Resources.map((u: { name: { familyName: string } }) => u.name.familyName),
    ).toEqual(["Turing", "Percent", "Lovelace", "Hopper", "Durand"]);
    const bad = await scim.request("GET", `/Users?sortBy=nickName`);
    expect(bad.json).toMatchObject({ status: "400", scimType: "invalidValue" });
  });

  test("attributes and excludedAttributes choose what is returned; id always is", async () => {
    const id = ids.get("ada.lovelace");
    const some = await scim.request("GET", `/Users/${id}?attributes=userName,name.givenName`);
    expect(Object.keys(some.json).sort()).toEqual(["id", "name", "schemas", "userName"]);
    const without = await scim.request(
      "GET",
      `/Users?filter=${scoped}&excludedAttributes=groups,meta,${ENTERPRISE}:organization`,
    );
    expect(without.json.Resources[0]).not.toHaveProperty("groups");
    expect(without.json.Resources[0]).not.toHaveProperty("meta");
    expect(without.json.Resources[0]).not.toHaveProperty(ENTERPRISE);
    expect(without.json.Resources[0]).toHaveProperty("userName");
  });

  test("a deleted account leaves listings and filters at once", async () => {
    const id = ids.get("k_100%") ?? "";
    const deprovisioned = await scim.request("DELETE", `/Users/${id}`);
    expect(deprovisioned.status).toBe(204);
    expect(await find('userName co "_100%"')).toEqual([]);
    const all = await scim.request("GET", `/Users?filter=${scoped}`);
    expect(all.json.totalResults).toBe(4);
    const patch = await scim.request("PATCH", `/Users/${id}`, {
      schemas: [PATCH_OP],
      Operations: [{ op: "replace", path: "active", value: true }],
    });
    expect(patch.status).toBe(404);
  });
});
