import type { Command } from "commander";
import ms from "ms";
import { CliError } from "./CliError.js";
import { withStorage } from "./withStorage.js";

export function registerTokenCommands(program: Command) {
  const token = program.command("token").description("manage personal access tokens");

  token
    .command("create")
    .description("create a personal access token, printed once, for `Authorization: Bearer`")
    .requiredOption("--email <email>", "e-mail address of the account the token acts for")
    .option("--expires <duration>", 'lifetime such as 12h, 30d or 1y, or "never"', "30d")
    .option("--name <name>", "what the token is for", "personal access token")
    .action(async (options: { email: string; expires: string; name: string }) => {
      const expiresAt = expiryOf(options.expires);
      const created = await withStorage(
        async (s) => {
          const user = await s.accounts.byEmail(options.email);
          if (user.disabled_at !== null) throw new CliError(`${user.email} is disabled`);
          return s.access.createToken(user, { name: options.name, expiresAt });
        },
        { action: "token_created", subject: options.email },
      );
      // The token alone on stdout, so scripts can capture it; the rest goes to stderr.
      process.stdout.write(`${created.token}\n`);
      process.stderr.write(
        `Token for ${options.email} ${expiresAt ? `expires ${new Date(expiresAt).toISOString()}` : "never expires"}. It is shown only this once.\n`,
      );
    });
}

function expiryOf(text: string): number | null {
  if (text === "never") return null;
  const duration = /^\d+\s*[a-z]+$/i.test(text.trim())
    ? ms(text.trim() as ms.StringValue)
    : undefined;
  if (typeof duration !== "number" || !Number.isFinite(duration) || duration <= 0) {
    throw new CliError(`--expires: "${text}" is not a duration such as 12h, 30d or 1y, or "never"`);
  }
  return Date.now() + duration;
}
