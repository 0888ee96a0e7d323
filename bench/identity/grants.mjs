// The grants the identity benchmark times, the same way at each server: what a request does,
// and what it needs ready beforehand (refresh chains, signed-in browser sessions).
import {
  authorizationRequest,
  exchangeCode,
  OFFLINE,
  REDIRECT_URI,
  tokenRequest,
} from "./client.mjs";

export const GRANTS = {
  cc: {
    label: "client credentials",
    unit: "grants/s",
    /** Nothing to prepare: every request stands alone. */
    prepare: async (_server, count) => Array.from({ length: count }, () => ({})),
    async run(server) {
      const tokens = await tokenRequest(server.target, server.client, {
        grant_type: "client_credentials",
      });
      if (!tokens.access_token) throw new Error("no access token");
    },
  },
  refresh: {
    label: "refresh",
    unit: "grants/s",
    /** Refresh chains, each on a grant (and browser session) of its own. */
    perSession: true,
    prepare: (server, count) =>
      parallel(count, async () => {
        const browser = server.newBrowser();
        const request = authorizationRequest(server.client, OFFLINE);
        const callback = await browser.authorize(request.path);
        const tokens = await exchangeCode(server.target, server.client, callback, request);
        if (!tokens.refresh_token) throw new Error("offline_access gave no refresh token");
        return { refreshToken: tokens.refresh_token };
      }),
    async run(server, chain) {
      const tokens = await tokenRequest(server.target, server.client, {
        grant_type: "refresh_token",
        refresh_token: chain.refreshToken,
      });
      if (!tokens.refresh_token || tokens.refresh_token === chain.refreshToken) {
        throw new Error("the refresh token was not rotated");
      }
      chain.refreshToken = tokens.refresh_token;
    },
  },
  code: {
    label: "full code flow",
    unit: "flows/s",
    /** Signed-in browser sessions, each with its grant given already. */
    perSession: true,
    prepare: (server, count) =>
      parallel(count, async () => {
        const browser = server.newBrowser();
        const request = authorizationRequest(server.client);
        await exchangeCode(
          server.target,
          server.client,
          await browser.authorize(request.path),
          request,
        );
        return { browser };
      }),
    async run(server, { browser }) {
      const request = authorizationRequest(server.client);
      const response = await browser.send(request.path);
      const location = response.headers.location ?? "";
      if (response.status !== 303 || !location.startsWith(REDIRECT_URI)) {
        throw new Error(
          `the authorization request answered ${response.status} ${location}: ${response.text.slice(0, 200)}`,
        );
      }
      const tokens = await exchangeCode(server.target, server.client, new URL(location), request);
      if (!tokens.id_token || !tokens.access_token) throw new Error("no ID token or access token");
    },
  },
};

/** Runs `make` `count` times, at most 16 at once; resolves with the results in order. */
export async function parallel(count, make, limit = 16) {
  const results = new Array(count);
  let next = 0;
  const lane = async () => {
    while (next < count) {
      const i = next++;
      results[i] = await make(i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, count) }, lane));
  return results;
}
