import { KeyStore, RETIRED_KEY_GRACE_MS } from "@tandem/identity";
import type { Command } from "commander";
import { withStorage } from "./withStorage.js";

export function registerKeysCommands(program: Command) {
  const keys = program.command("keys").description("manage the OpenID provider's signing keys");

  keys
    .command("rotate")
    .description(
      "sign with a new key from now on; the old one stays published until its tokens expire",
    )
    .action(async () => {
      const rotated = await withStorage((s) => new KeyStore(s.database).rotate(), {
        action: "keys_rotated",
        subject: (r) => r.kid,
      });
      const hours = RETIRED_KEY_GRACE_MS / 3_600_000;
      process.stdout.write(
        `New signing key ${rotated.kid}.` +
          (rotated.retired.length
            ? ` Retired ${rotated.retired.join(", ")}, published for ${hours} more hours.`
            : "") +
          " Running instances switch within 15 seconds.\n",
      );
    });
}
