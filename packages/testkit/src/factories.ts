import { randomBytes } from "node:crypto";
import type { NewUser, UserRow } from "@tandem/accounts";
import type { RunningTandem } from "@tandem/server";
import { ApiClient } from "./http.js";

let sequence = 0;

/** A user with a password on a running Tandem; overrides change any field. */
export async function buildUser(
  tandem: Pick<RunningTandem, "accounts">,
  overrides: Partial<NewUser> = {},
): Promise<{ user: UserRow; password: string }> {
  sequence += 1;
  const password = overrides.password ?? `pw-${randomBytes(9).toString("base64url")}`;
  const user = await tandem.accounts.create({
    email: `user${sequence}-${randomBytes(3).toString("hex")}@example.org`,
    name: `Test User ${sequence}`,
    ...overrides,
    password,
  });
  return { user, password };
}

/** A signed-in API client for a new user. */
export async function signedInClient(
  url: string,
  tandem: Pick<RunningTandem, "accounts">,
  overrides: Partial<NewUser> = {},
): Promise<{ client: ApiClient; user: UserRow }> {
  const { user, password } = await buildUser(tandem, overrides);
  const client = new ApiClient(url);
  const response = await client.signIn(user.email, password);
  if (response.status !== 200) throw new Error(`sign-in failed: ${response.text}`);
  return { client, user };
}
