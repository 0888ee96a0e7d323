import { afterEach, describe, expect, it, vi } from "vitest";
import { ApiError, fetchApps, fetchMe, signIn, signOut } from "./client.js";

const user = { id: "u1", email: "ada@example.org", name: "Ada Lovelace", isAdmin: false };

/** Replaces fetch with one answering `status` and `body`, and returns the spy to inspect calls. */
function answer(status: number, body?: unknown) {
  const spy = vi.fn(
    async (_input: string, _init?: RequestInit) =>
      new Response(body === undefined ? null : JSON.stringify(body), { status }),
  );
  vi.stubGlobal("fetch", spy);
  return spy;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

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
});

describe("fetchApps", () => {
  it("keeps well-formed entries and drops the rest", async () => {
    answer(200, { apps: [{ id: "docs", path: "/docs" }, { id: 3 }] });
    await expect(fetchApps()).resolves.toEqual([{ id: "docs", path: "/docs" }]);
  });
});
