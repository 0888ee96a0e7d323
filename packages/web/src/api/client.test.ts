import { describe, expect, it, vi } from "vitest";
import { answer } from "../test/fetch.js";
import { ApiError, discover, fetchApps, fetchMe, signIn, signOut } from "./client.js";

const user = { id: "u1", email: "ada@example.org", name: "Ada Lovelace", isAdmin: false };

describe("fetchMe", () => {
  it("returns the user on 200", async () => {
    answer(200, user);
    await expect(fetchMe()).resolves.toEqual(user);
  });

  it("returns null on 401", async () => {
    answer(401, { error: "unauthorized", message: "Sign in first" });
    await expect(fetchMe()).resolves.toBeNull();
  });

  it("throws on any other status, so the caller can tell the server is unwell", async () => {
    answer(404);
    await expect(fetchMe()).rejects.toMatchObject({ status: 404, code: "http_error" });
  });

  it("throws a status-0 error when the network fails", async () => {
    vi.stubGlobal("fetch", vi.fn().mockRejectedValue(new TypeError("Failed to fetch")));
    await expect(fetchMe()).rejects.toMatchObject({ status: 0, code: "network_error" });
  });
});

describe("discover", () => {
  it("asks the server with the address in the query string", async () => {
    const spy = answer(200, { method: "password" });
    await expect(discover("ada+tandem@example.org")).resolves.toEqual({ method: "password" });
    const [path, init] = spy.mock.calls[0] ?? [];
    expect(path).toBe("/api/v1/auth/discover?email=ada%2Btandem%40example.org");
    expect(init?.method).toBe("GET");
    expect(init?.body).toBeUndefined();
  });

  it("returns the provider and the start path of a redirect", async () => {
    const url = "/federation/abc/start?login_hint=jean%40interieur.gouv.fr";
    answer(200, { method: "redirect", provider: "ProConnect", url });
    await expect(discover("jean@interieur.gouv.fr")).resolves.toEqual({
      method: "redirect",
      provider: "ProConnect",
      url,
    });
  });

  it("never follows a redirect to another origin", async () => {
    for (const url of [
      "https://evil.example/federation/x/start",
      "//evil.example/federation/x/start",
      "/\\evil.example/federation/x/start",
      "/\t/evil.example",
      "federation/x/start",
    ]) {
      answer(200, { method: "redirect", provider: "Evil", url });
      await expect(discover("a@b.fr"), url).rejects.toMatchObject({ code: "invalid_response" });
    }
  });

  it("rejects an unknown method", async () => {
    answer(200, { method: "magic-link" });
    await expect(discover("a@b.fr")).rejects.toMatchObject({ code: "invalid_response" });
  });

  it("carries a 400 for a malformed address", async () => {
    answer(400, { error: "invalid_request", message: "email: too short" });
    await expect(discover("a")).rejects.toMatchObject({ status: 400, code: "invalid_request" });
  });
});

describe("signIn", () => {
  it("posts JSON credentials and returns the user", async () => {
    const spy = answer(200, { user });
    await expect(signIn("ada@example.org", "secret")).resolves.toEqual(user);
    const [path, init] = spy.mock.calls[0] ?? [];
    expect(path).toBe("/api/v1/session");
    expect(init?.method).toBe("POST");
    expect(new Headers(init?.headers).get("Content-Type")).toBe("application/json");
    expect(JSON.parse(String(init?.body))).toEqual({
      email: "ada@example.org",
      password: "secret",
    });
  });

  it("carries the server's error code", async () => {
    answer(401, { error: "invalid_credentials", message: "Wrong email or password" });
    const failure = await signIn("ada@example.org", "nope").catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ApiError);
    expect(failure).toMatchObject({ status: 401, code: "invalid_credentials" });
  });
});

describe("signOut", () => {
  it("sends DELETE without a body or Content-Type", async () => {
    const spy = answer(204);
    await signOut();
    const [, init] = spy.mock.calls[0] ?? [];
    expect(init?.method).toBe("DELETE");
    expect(init?.body).toBeUndefined();
    expect(new Headers(init?.headers).has("Content-Type")).toBe(false);
  });

  it("returns the upstream sign-out page to visit next, and nothing else", async () => {
    answer(200, { next: "https://berlin.example/oidc/session/end?id_token_hint=x" });
    await expect(signOut()).resolves.toEqual({
      next: "https://berlin.example/oidc/session/end?id_token_hint=x",
    });
    answer(200, { next: "javascript:alert(1)" });
    await expect(signOut()).resolves.toEqual({ next: null });
    answer(204);
    await expect(signOut()).resolves.toEqual({ next: null });
  });
});

describe("fetchApps", () => {
  it("keeps well-formed entries and drops the rest", async () => {
    const docs = {
      id: "docs",
      path: "/docs",
      name: { en: "Docs", fr: "Documents", de: "Dokumente" },
      icon: "file-text",
    };
    answer(200, { apps: [docs, { id: 3 }, { id: "chat", path: "/chat", name: { en: "Chat" } }] });
    await expect(fetchApps()).resolves.toEqual([docs]);
  });
});

describe("language", () => {
  it("sends the language chosen in the app, which the server writes its e-mails in", async () => {
    const i18n = (await import("i18next")).default;
    await i18n.init({ lng: "de", resources: {} });
    const spy = answer(200, user);
    await fetchMe();
    expect(new Headers(spy.mock.calls[0]?.[1]?.headers).get("accept-language")).toBe("de");
  });
});
