import { MfaService, normaliseEmail, presentUser } from "@tandem/accounts";
import type { Command } from "commander";
import { CliError } from "./CliError.js";
import { readStdin, withStorage } from "./withStorage.js";

export function registerUserCommands(program: Command) {
  const user = program.command("user").description("manage accounts");

  user
    .command("add")
    .description("create an account")
    .requiredOption("--email <email>", "e-mail address, the sign-in name")
    .requiredOption("--name <name>", "display name")
    .option("--given-name <name>", "given name (default: the first word of --name)")
    .option("--family-name <name>", "family name (default: the rest of --name)")
    .option(
      "--org <organisation>",
      "organisation id or official identifier (default: the deployment's own)",
    )
    .option("--admin", "make the account an administrator")
    .option("--password-stdin", "read the password from standard input")
    .action(
      async (options: {
        email: string;
        name: string;
        admin?: boolean;
        passwordStdin?: boolean;
        givenName?: string;
        familyName?: string;
        org?: string;
      }) => {
        const password = options.passwordStdin ? await readStdin() : undefined;
        if (options.passwordStdin && !password) throw new CliError("no password on standard input");
        const created = await withStorage(
          (s) =>
            s.createUser({
              email: options.email,
              name: options.name,
              admin: options.admin,
              password,
              givenName: options.givenName,
              familyName: options.familyName,
              organisation: options.org,
            }),
          { action: "user_created", subject: options.email },
        );
        process.stdout.write(
          `Created ${created.role === "admin" ? "administrator" : "user"} ${created.email}` +
            `${password ? "" : " (no password: the account cannot sign in with a password)"}.\n`,
        );
      },
    );

  user
    .command("list")
    .description("list accounts")
    .option("--json", "print JSON instead of a table")
    .action(async (options: { json?: boolean }) => {
      const users = (await withStorage((s) => s.accounts.list())).map((u) => ({
        ...presentUser(u),
        createdAt: new Date(u.created_at).toISOString(),
      }));
      if (options.json) {
        process.stdout.write(`${JSON.stringify(users, null, 2)}\n`);
        return;
      }
      const rows = [
        ["EMAIL", "NAME", "ROLE", "STATUS", "CREATED"],
        ...users.map((u) => [
          u.email,
          u.name,
          u.isAdmin ? "admin" : "member",
          u.disabled ? "disabled" : "active",
          u.createdAt.slice(0, 10),
        ]),
      ];
      const widths =
        rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? "").length))) ?? [];
      for (const row of rows) {
        process.stdout.write(
          `${row
            .map((cell, i) => cell.padEnd(widths[i] ?? 0))
            .join("  ")
            .trimEnd()}\n`,
        );
      }
    });

  user
    .command("disable")
    .description(
      "disable an account: it can no longer sign in, its sessions end, its tokens stop working",
    )
    .requiredOption("--email <email>", "e-mail address of the account")
    .action(async (options: { email: string }) => {
      await withStorage((s) => s.disableUser(options.email), {
        action: "user_disabled",
        subject: options.email,
      });
      process.stdout.write(`Disabled ${options.email.trim().toLowerCase()}.\n`);
    });

  user
    .command("reset-mfa")
    .description(
      "remove an account's second factors (app, recovery codes, passkeys) and end its sessions " +
        "(Tandem's and its apps'); " +
        "if its organisation requires one, it enrols a new one at its next sign-in",
    )
    .argument("<email>", "e-mail address of the account")
    .action(async (email: string) => {
      const address = normaliseEmail(email);
      await withStorage(
        async (s) => {
          const account = await s.accounts.users.byEmail(address);
          if (!account) throw new CliError(`no account ${address}`);
          await new MfaService(s.database).resetAll(account.id);
          await s.endSessionsOf(account);
        },
        { action: "second_factors_reset", subject: address },
      );
      process.stdout.write(`Removed the second factors of ${address} and ended its sessions.\n`);
    });
}
