import type { AccountService, BearerResolver } from "@tandem/accounts";
import type { ProviderHost } from "./ProviderHost.js";

/**
 * The OpenID scope an app asks for to call Tandem's own APIs (docs, chat, assistant) on
 * the user's behalf. Without it an access token is good for userinfo only, so signing in
 * to an app never hands that app the user's documents.
 */
export const API_SCOPE = "api";

/**
 * Lets every Tandem API accept the access tokens this provider issued to apps: looked up
 * in the provider's storage, so a revoked token, an ended grant or a disabled account is
 * refused at once on every instance.
 */
export function appAccessTokens(host: ProviderHost, accounts: AccountService): BearerResolver {
  return async (token) => {
    // Ours are opaque strings of 43 base64url characters; anything else is not worth a query.
    if (!/^[\w-]{43}$/.test(token)) return undefined;
    const found = await host.current.AccessToken.find(token);
    if (!found?.accountId || found.isExpired) return undefined;
    const user = await accounts.users.byId(found.accountId);
    if (!user || user.disabled_at !== null) return undefined;
    const scopes = (found.scope ?? "").split(" ").filter((scope) => scope === API_SCOPE);
    // Kept by an open socket: it closes at the token's expiry, when the app's consent is
    // withdrawn or its grant revoked, or when the token is found no more (see Authenticator.isLive).
    const credential = {
      accountId: user.id,
      kind: "app" as const,
      id: found.clientId ?? "",
      app: { token, grantId: found.grantId },
      expiresAt: typeof found.exp === "number" ? found.exp * 1000 : null,
    };
    return { user, scopes, clientId: found.clientId, credential };
  };
}
