import { describe, expect, it } from "vitest";
import { answer } from "../test/fetch.js";
import { createClient, fetchAudit, fetchUpstreams, fetchUsers } from "./api.js";

const ada = {
  id: "u1",
  email: "ada@example.org",
  name: "Ada",
  isAdmin: false,
  disabled: false,
  disabledAt: null,
  createdAt: 1,
  organisation: { id: "o1", name: "Numérique" },
};

describe("the admin API's answers, read with identity's wire shapes", () => {
  it("reads a page of accounts and its total", async () => {
    const spy = answer(200, { users: [ada], total: 7 });
    await expect(fetchUsers("ada", 0, 50)).resolves.toEqual({ users: [ada], total: 7 });
    expect(spy.mock.calls[0]?.[0]).toBe("/api/v1/admin/users?offset=0&limit=50&q=ada");
  });

  it("fails loudly on an account without its fields", async () => {
    answer(200, { users: [{ id: "u1", email: "ada@example.org" }], total: 1 });
    await expect(fetchUsers("", 0, 50)).rejects.toMatchObject({ code: "invalid_response" });
  });

  it("keeps a new client's secret, null for a public one", async () => {
    const client = {
      clientId: "c1",
      name: "Grist",
      firstParty: false,
      public: true,
      redirectUris: ["https://grist.example/cb"],
      postLogoutRedirectUris: [],
      backchannelLogoutUri: null,
      createdAt: 1,
      clientSecret: null,
    };
    answer(201, client);
    const input = {
      name: "Grist",
      redirectUris: client.redirectUris,
      public: true,
      thirdParty: true,
      postLogoutRedirectUris: [],
    };
    await expect(createClient(input)).resolves.toEqual(client);
    answer(201, { ...client, clientSecret: undefined });
    await expect(createClient(input)).rejects.toMatchObject({ code: "invalid_response" });
  });

  it("refuses an upstream with a profile it does not know", async () => {
    const upstream = {
      id: "x",
      name: "ProConnect",
      issuer: "https://pc.example",
      clientId: "tandem",
      domains: ["gouv.fr"],
      profile: "saml",
      federation: "FR",
    };
    answer(200, { upstreams: [upstream] });
    await expect(fetchUpstreams()).rejects.toMatchObject({ code: "invalid_response" });
    answer(200, { upstreams: [{ ...upstream, profile: "proconnect" }] });
    await expect(fetchUpstreams()).resolves.toEqual([{ ...upstream, profile: "proconnect" }]);
  });
});

describe("the audit log, read with accounts' wire shape", () => {
  const event = {
    id: "e1",
    at: 1_700_000_000_000,
    action: "sign_in",
    outcome: "success",
    actorId: "u1",
    actorEmail: "ada@example.org",
    subject: "ada@example.org",
    ip: "203.0.113.7",
    details: { via: "password" },
  };

  it("sends the active filters and reads the events", async () => {
    const spy = answer(200, { events: [event] });
    await expect(fetchAudit({ action: "sign_in", who: "", since: 5 }, 50)).resolves.toEqual([
      event,
    ]);
    expect(spy.mock.calls[0]?.[0]).toBe("/api/v1/admin/audit?limit=50&action=sign_in&since=5");
  });

  it("refuses an event with an outcome it does not know", async () => {
    answer(200, { events: [{ ...event, outcome: "maybe" }] });
    await expect(fetchAudit({}, 50)).rejects.toMatchObject({ code: "invalid_response" });
  });
});
