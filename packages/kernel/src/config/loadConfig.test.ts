import { describe, expect, test } from "vitest";
import { ConfigError } from "./ConfigError.js";
import { renderConfigDocs } from "./configDocs.js";
import { kernelOptions, publicUrlOf } from "./kernelConfig.js";
import { loadConfig } from "./loadConfig.js";

const slices = { kernel: kernelOptions };

/** The kernel's configuration from exactly these variables, as at start. */
function load(env: Record<string, string> = {}) {
  return loadConfig(slices, env).kernel;
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

describe("loadConfig with the kernel's options", () => {
  test("an empty environment gives the documented defaults", () => {
    expect(load()).toMatchObject({
      port: 8080,
      host: "localhost",
      publicUrl: undefined,
      dataDir: "./data",
      databaseUrl: undefined,
      redisUrl: undefined,
      redisPrefix: "tandem:",
      logLevel: "info",
      logFormat: "auto",
      trustProxy: false,
      shutdownTimeoutMs: 10000,
    });
  });

  test("values are parsed to their types", () => {
    const config = load({
      PORT: "0",
      TANDEM_DATABASE_URL: "postgres://u:p@db:5432/tandem",
      TANDEM_REDIS_URL: "rediss://cache:6380",
      TANDEM_TRUST_PROXY: "1",
    });
    expect(config).toMatchObject({
      port: 0,
      databaseUrl: "postgres://u:p@db:5432/tandem",
      redisUrl: "rediss://cache:6380",
      trustProxy: true,
    });
    expect(load({ TANDEM_TRUST_PROXY: "false" }).trustProxy).toBe(false);
  });

  test("/metrics is for loopback and the private networks unless told otherwise", () => {
    expect(load().metricsAllow).toEqual([
      "127.0.0.0/8",
      "::1/128",
      "10.0.0.0/8",
      "172.16.0.0/12",
      "192.168.0.0/16",
      "fc00::/7",
    ]);
    expect(load().metricsToken).toBeUndefined();
    expect(load({ TANDEM_METRICS_ALLOW: " 203.0.113.0/24 , 2001:db8::1 " }).metricsAllow).toEqual([
      "203.0.113.0/24",
      "2001:db8::1",
    ]);
  });

  test("an empty string means unset: defaults apply, no database URL means SQLite", () => {
    const config = load({
      PORT: "",
      TANDEM_DATABASE_URL: "",
      TANDEM_DATA_DIR: "",
      TANDEM_TRUST_PROXY: "",
    });
    expect(config.port).toBe(8080);
    expect(config.databaseUrl).toBeUndefined();
    expect(config.dataDir).toBe("./data");
    expect(config.trustProxy).toBe(false);
  });

  // The reason must say why; its exact wording may change, what it must mention may not.
  test.each<[string, RegExp]>([
    ["abc", /must be a number/],
    ["70000", /65535/],
    ["-1", /negative|between 0 and|at least 0/],
    ["80.5", /must be a whole number/],
  ])("PORT=%j is refused, saying why", (value, reason) => {
    const { message } = failure({ PORT: value });
    expect(message).toMatch(/^PORT is invalid: must .+ \(got .+\)$/);
    expect(message).toMatch(reason);
    expect(message).toContain(`(got ${JSON.stringify(value)})`);
  });

  test("a PORT of blanks is refused, not read as 0 (which would pick a random port)", () => {
    expect(failure({ PORT: "   " }).message).toMatch(/^PORT is invalid: .*\(got " {3}"\)$/);
  });

  test("the message is one line even when the value holds a line break", () => {
    const error = failure({ PORT: "80\n80" });
    expect(error.message).toMatch(/^PORT is invalid: /);
    expect(error.message).not.toContain("\n");
  });

  test("a misspelt TANDEM_ variable stops the start and names the right one", () => {
    const error = failure({ TANDEM_DATBASE_URL: "postgres://db/tandem" });
    expect(error.message).toContain("TANDEM_DATBASE_URL is not a Tandem option");
    expect(error.message).toContain("did you mean TANDEM_DATABASE_URL?");
    expect(error.message).not.toContain("\n");
  });

  test("an unknown TANDEM_ variable far from every option gets no suggestion", () => {
    const error = failure({ TANDEM_SOMETHING_ELSE: "1" });
    expect(error.message).toBe(
      "TANDEM_SOMETHING_ELSE is not a Tandem option; see docs/configuration.md",
    );
  });

  test("variables without the TANDEM_ prefix are ignored", () => {
    expect(load({ PATH: "/usr/bin", HOME: "/root", NODE_ENV: "production" }).port).toBe(8080);
  });

  test.each([
    ["TANDEM_DATABASE_URL", "mysql://x", "must be a PostgreSQL URL"],
    ["TANDEM_DATABASE_URL", "not a url", "must be a PostgreSQL URL"],
    ["TANDEM_REDIS_URL", "http://cache:6379", "must be a Redis URL"],
    ["TANDEM_PUBLIC_URL", "ftp://example.org", "must be a http(s) URL"],
    ["TANDEM_TRUST_PROXY", "yes", "must be true or false"],
    ["TANDEM_LOG_LEVEL", "verbose", "must be one of fatal, error"],
    ["TANDEM_LOG_FORMAT", "xml", "must be auto, json or pretty"],
    ["TANDEM_REDIS_PREFIX", "a prefix", "may contain letters, digits"],
    ["TANDEM_SHUTDOWN_TIMEOUT_MS", "-5", /must (not be negative|be between 0 and)/],
    ["TANDEM_SMTP_URL", "http://mail.example.org", "must be a SMTP URL"],
    ["TANDEM_MAIL_FROM", "tandem", "must be an e-mail address"],
    ["TANDEM_MAIL_FROM", "Tandem <a@b>\r\nBcc: x@y", "must be an e-mail address"],
    ["TANDEM_METRICS_ALLOW", "10.0.0.0/8,example.org", "is not an IP address or CIDR"],
    ["TANDEM_METRICS_ALLOW", "10.0.0.0/33", "prefix must be a number from 0 to 32"],
    ["TANDEM_METRICS_ALLOW", "::1/x", "prefix must be a number from 0 to 128"],
    ["TANDEM_METRICS_TOKEN", "short", "must have at least 32 characters"],
  ])("%s=%j is refused: %s", (name, value, reason) => {
    const error = failure({ [name]: value });
    expect(error.message).toMatch(new RegExp(`^${name} is invalid: `));
    expect(error.message).toMatch(reason);
    expect(error.message).toContain(`(got ${JSON.stringify(value)})`);
    expect(error.message).not.toContain("\n");
  });
});

describe("the mail options", () => {
  test("SMTP is off by default; a URL with credentials and a named sender are taken as given", () => {
    expect(load()).toMatchObject({ smtpUrl: undefined, mailFrom: undefined });
    const config = load({
      TANDEM_SMTP_URL: "smtps://tandem:s3cret@mail.example.org:465",
      TANDEM_MAIL_FROM: "Tandem <tandem@example.org>",
    });
    expect(config.smtpUrl).toBe("smtps://tandem:s3cret@mail.example.org:465");
    expect(config.mailFrom).toBe("Tandem <tandem@example.org>");
  });

  test("an SMTP server without a sender stops the start, naming both variables", () => {
    const error = failure({ TANDEM_SMTP_URL: "smtp://mail.example.org:587" });
    expect(error.message).toBe("TANDEM_MAIL_FROM must be set when TANDEM_SMTP_URL is");
  });

  test("a sender without an SMTP server is allowed (the log shows who it would be from)", () => {
    expect(load({ TANDEM_MAIL_FROM: "tandem@example.org" }).mailFrom).toBe("tandem@example.org");
  });
});

describe("publicUrlOf", () => {
  test("defaults to localhost on the configured port", () => {
    expect(publicUrlOf({ publicUrl: undefined, port: 8080 })).toBe("http://localhost:8080");
    expect(publicUrlOf(load({ PORT: "3000" }))).toBe("http://localhost:3000");
  });

  test("follows a loopback address Tandem listens on, so the URL reaches it", () => {
    expect(publicUrlOf(load({ PORT: "3000", TANDEM_HOST: "127.0.0.1" }))).toBe(
      "http://127.0.0.1:3000",
    );
    expect(publicUrlOf(load({ PORT: "3000", TANDEM_HOST: "::1" }))).toBe("http://[::1]:3000");
    expect(publicUrlOf(load({ PORT: "3000", TANDEM_HOST: "0.0.0.0" }))).toBe(
      "http://localhost:3000",
    );
  });

  test("uses the configured URL without trailing slashes", () => {
    expect(publicUrlOf({ publicUrl: "https://tandem.example.org/", port: 8080 })).toBe(
      "https://tandem.example.org",
    );
    expect(publicUrlOf({ publicUrl: "https://example.org/tandem//", port: 1 })).toBe(
      "https://example.org/tandem",
    );
  });
});

describe("renderConfigDocs", () => {
  const docs = renderConfigDocs(slices);
  const rowOf = (env: string) => docs.split("\n").find((line) => line.startsWith(`| \`${env}\` |`));

  test("has a section per module and a table row per option", () => {
    expect(docs).toContain("## kernel");
    const rows = docs.split("\n").filter((line) => /^\| `[A-Z_]+` \|/.test(line));
    expect(rows).toHaveLength(Object.keys(kernelOptions).length);
    for (const option of Object.values(kernelOptions)) {
      expect(rowOf(option.env), option.env).toContain(option.description);
    }
  });

  test("shows each default, and a dash where there is none", () => {
    expect(rowOf("PORT")).toContain("| `8080` |");
    expect(rowOf("TANDEM_DATA_DIR")).toContain("| `./data` |");
    expect(rowOf("TANDEM_TRUST_PROXY")).toContain("| `false` |");
    expect(rowOf("TANDEM_DATABASE_URL")).toContain("| — |");
  });
});
