import type { ApiClient, TestServer } from "@tandem/testkit";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { auditOf, expectBadRequest, startAdminServer } from "./adminSupport.js";

let server: TestServer;
let admin: ApiClient;
beforeAll(async () => {
  ({ server, admin } = await startAdminServer());
});
afterAll(() => server?.close());

describe("organisations in the admin API", () => {
  test("created, listed, renamed, and made to require a second factor", async () => {
    const created = await admin.request("POST", "/api/v1/admin/organisations", {
      name: "Direction interministérielle du numérique",
      country: "fr",
      identifier: "130 025 265 00013",
    });
    expect(created.status, created.text).toBe(201);
    expect(created.json).toMatchObject({
      name: "Direction interministérielle du numérique",
      country: "FR",
      identifier: "13002526500013",
      requireMfa: false,
    });
    const id = created.json.id as string;

    const listed = await admin.request("GET", "/api/v1/admin/organisations");
    expect(listed.status).toBe(200);
    expect(listed.json.organisations.map((o: { id: string }) => o.id)).toContain(id);

    const updated = await admin.request("PATCH", `/api/v1/admin/organisations/${id}`, {
      name: "DINUM",
      requireMfa: true,
    });
    expect(updated.status, updated.text).toBe(200);
    expect(updated.json).toMatchObject({ id, name: "DINUM", requireMfa: true });
    const off = await admin.request("PATCH", `/api/v1/admin/organisations/${id}`, {
      requireMfa: false,
    });
    expect(off.json).toMatchObject({ name: "DINUM", requireMfa: false });

    const events = await auditOf(admin, "13002526500013");
    expect(events.map((e) => `${e.action}:${e.outcome}`)).toEqual([
      "organisation_updated:success",
      "organisation_updated:success",
      "organisation_added:success",
    ]);
    expect(events[1]).toMatchObject({
      actorEmail: server.admin.email,
      details: { via: "admin", organisationId: id, name: "DINUM", requireMfa: true },
    });
  });

  test.each([
    ["no name", { name: "", country: "FR" }, /name/],
    ["a country that is not two letters", { name: "X", country: "France" }, /country/],
    ["an invalid SIRET", { name: "Bad SIRET", country: "FR", identifier: "12345" }, /SIRET|14/],
    ["requireMfa not a boolean", { name: "Y", country: "FR", requireMfa: "yes" }, /requireMfa/],
  ])("%s is refused with 400 and nothing is created", async (_what, body, message) => {
    const before = (await admin.request("GET", "/api/v1/admin/organisations")).json.organisations
      .length;
    expectBadRequest(await admin.request("POST", "/api/v1/admin/organisations", body), message);
    const after = (await admin.request("GET", "/api/v1/admin/organisations")).json.organisations
      .length;
    expect(after).toBe(before);
  });

  test("an update must change something, and only known fields", async () => {
    const created = await admin.request("POST", "/api/v1/admin/organisations", {
      name: "Gemeente Utrecht",
      country: "NL",
    });
    const path = `/api/v1/admin/organisations/${created.json.id}`;
    expectBadRequest(await admin.request("PATCH", path, {}), /name or requireMfa/);
    expectBadRequest(
      await admin.request("PATCH", path, { country: "DE" }),
      /country|unrecognized/i,
    );
    expectBadRequest(await admin.request("PATCH", path, { name: "  " }), /name/);
    expect(
      (await admin.request("PATCH", "/api/v1/admin/organisations/nope", { requireMfa: true }))
        .status,
    ).toBe(404);
  });
});
