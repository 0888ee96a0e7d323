import { afterEach, vi } from "vitest";

/**
 * Replaces fetch with one answering every request `status` and `body` (JSON), and returns
 * the spy to inspect the calls. The real fetch comes back after each test.
 */
export function answer(status: number, body?: unknown) {
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
