import { ConfigError, loadConfig } from "@tandem/kernel";
import { describe, expect, test } from "vitest";
import { accountsOptions } from "./config.js";

const slices = { accounts: accountsOptions };

/** The accounts' configuration from exactly these variables, as at start. */
function load(env: Record<string, string> = {}) {
  return loadConfig(slices, env).accounts;
}

/** The ConfigError that these variables stop the start with. */
function failure(env: Record<string, string>): ConfigError {
  let config: unknown;
  try {
    config = load(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return error as ConfigError;
  }
  throw new Error(
    `expected a ConfigError for ${JSON.stringify(env)}, got ${JSON.stringify(config)}`,
  );
}

describe("loadConfig with the accounts' options", () => {
  test("an empty environment gives the documented defaults", () => {
    expect(load()).toMatchObject({
      adminEmail: "admin@localhost",
      sessionMinutes: 720,
    });
  });

  test("values are parsed to their types", () => {
    const config = load({ TANDEM_SESSION_MINUTES: "60" });
    expect(config).toMatchObject({ sessionMinutes: 60 });
  });

  test.each<[string, string, string | RegExp]>([
    ["TANDEM_ADMIN_EMAIL", "admin", "must be an e-mail address"],
    ["TANDEM_SESSION_MINUTES", "1", /must be (at least|between) 5\b/],
  ])("%s=%j is refused: %s", (name, value, reason) => {
    const error = failure({ [name]: value });
    expect(error.message).toMatch(new RegExp(`^${name} is invalid: `));
    expect(error.message).toMatch(reason);
    expect(error.message).toContain(`(got ${JSON.stringify(value)})`);
    expect(error.message).not.toContain("\n");
  });
});
