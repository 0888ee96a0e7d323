import { describe, expect, it } from "vitest";
import { answer } from "../test/fetch.js";
import { answerConsent, fetchConsent, fetchConsentedApps } from "./api.js";

const asked = {
  interaction: "abc",
  client: { id: "app", name: "Grist", redirectHost: "grist.example" },
  scopes: ["openid", "email"],
  granted: [],
};

describe("fetchConsent", () => {
  it("reads the request with identity's wire shape", async () => {
    const spy = answer(200, asked);
    await expect(fetchConsent("abc")).resolves.toEqual(asked);
    expect(spy.mock.calls[0]?.[0]).toBe("/api/v1/consent/abc");
  });

  it("refuses a request naming a scope the consent screen does not know", async () => {
    answer(200, { ...asked, scopes: ["openid", "admin"] });
    await expect(fetchConsent("abc")).rejects.toMatchObject({ code: "invalid_response" });
  });
});

describe("answerConsent", () => {
  it("returns the path that resumes the authorization", async () => {
    answer(200, { redirectTo: "/oidc/auth/abc" });
    await expect(answerConsent("abc", "allow")).resolves.toBe("/oidc/auth/abc");
  });

  it("never follows another place, nor an answer without one", async () => {
    for (const body of [{ redirectTo: "https://evil.example/" }, { redirectTo: 3 }, {}]) {
      answer(200, body);
      await expect(answerConsent("abc", "deny")).rejects.toMatchObject({
        code: "invalid_response",
      });
    }
  });
});

describe("fetchConsentedApps", () => {
  it("lists the apps, and fails loudly on another shape", async () => {
    const app = {
      clientId: "app",
      name: "Grist",
      hosts: ["grist.example"],
      scopes: ["openid"],
      grantedAt: 1,
    };
    answer(200, { apps: [app] });
    await expect(fetchConsentedApps()).resolves.toEqual([app]);
    answer(200, { apps: [{ ...app, grantedAt: "yesterday" }] });
    await expect(fetchConsentedApps()).rejects.toMatchObject({ code: "invalid_response" });
  });
});
