import { createTestBackend, runCli, type TestBackend } from "@tandem/testkit";
import { afterAll, beforeAll, describe, expect, test } from "vitest";

let backend: TestBackend;
beforeAll(async () => {
  backend = await createTestBackend();
});
afterAll(() => backend?.dispose());

const cli = (args: string[]) => runCli(args, backend.env);

describe("organisations from the CLI", () => {
  test("org add checks the SIRET, and user add places the account in the organisation", async () => {
    const added = await cli([
      "org",
      "add",
      "--name",
      "DINUM",
      "--country",
      "fr",
      "--id",
      "130 025 265 00013",
    ]);
    expect(added.stderr).toBe("");
    const org = JSON.parse(added.stdout);
    expect(org).toMatchObject({
      name: "DINUM",
      country: "FR",
      identifier: "13002526500013",
      requireMfa: false,
    });

    const user = await cli([
      "user",
      "add",
      "--email",
      "camille@numerique.gouv.fr",
      "--name",
      "Camille Martin-Durand",
      "--family-name",
      "Martin-Durand",
      "--org",
      "13002526500013",
    ]);
    expect(user.code).toBe(0);
    const list = JSON.parse((await cli(["org", "list"])).stdout) as Array<{ name: string }>;
    // The deployment's own organisation was made for the first account without one, not before.
    expect(list.map((o) => o.name)).toEqual(["DINUM"]);
  });

  test("an account without --org joins the deployment's own organisation, made once", async () => {
    expect((await cli(["user", "add", "--email", "a@example.org", "--name", "A"])).code).toBe(0);
    expect((await cli(["user", "add", "--email", "b@example.org", "--name", "B"])).code).toBe(0);
    const names = (JSON.parse((await cli(["org", "list"])).stdout) as Array<{ name: string }>).map(
      (o) => o.name,
    );
    expect(names).toEqual(["DINUM", "Tandem"]);
  });

  // Seven CLI processes one after another, each starting Node and opening the database:
  // seconds each when CI runs many suites at once on two cores.
  test("bad input is refused in one line, and nothing is written", {
    timeout: 90_000,
  }, async () => {
    const refusals: Array<[string[], RegExp]> = [
      [
        ["org", "add", "--name", "X", "--country", "FR", "--id", "13002526500014"],
        /wrong check digit/,
      ],
      [["org", "add", "--name", "X", "--country", "FR", "--id", "123"], /14 digits/],
      [["org", "add", "--name", "X", "--country", "France"], /two-letter country code/],
      [["org", "add", "--name", "Again", "--country", "FR", "--id", "13002526500013"], /exists/],
      [
        ["user", "add", "--email", "lost@example.org", "--name", "Lost", "--org", "nope"],
        /no organisation nope/,
      ],
    ];
    for (const [args, pattern] of refusals) {
      const result = await cli(args);
      expect(result.code, args.join(" ")).toBe(1);
      expect(result.stderr.trim().split("\n")).toHaveLength(1);
      expect(result.stderr).toMatch(pattern);
    }
    expect(JSON.parse((await cli(["org", "list"])).stdout)).toHaveLength(2);
    const users = JSON.parse((await cli(["user", "list", "--json"])).stdout) as Array<{
      email: string;
    }>;
    expect(users.map((u) => u.email)).not.toContain("lost@example.org");
  });
});
