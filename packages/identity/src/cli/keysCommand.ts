import type { ModuleCommand } from "@tandem/kernel";
import { KeyStore, RETIRED_KEY_GRACE_MS } from "../provider/KeyStore.js";

/** `tandem keys rotate`: the OpenID provider's signing keys. */
export const keysCommand: ModuleCommand = {
  name: "keys",
  description: "manage the OpenID provider's signing keys",
  define(keys, tools) {
    keys
      .command("rotate")
      .description(
        "sign with a new key from now on; the old one stays published until its tokens expire",
      )
      .action(async () => {
        const rotated = await tools.withStorage((s) => new KeyStore(s.database).rotate(), {
          action: "keys_rotated",
          subject: (r) => r.kid,
        });
        const hours = RETIRED_KEY_GRACE_MS / 3_600_000;
        tools.print(
          `New signing key ${rotated.kid}.` +
            (rotated.retired.length
              ? ` Retired ${rotated.retired.join(", ")}, published for ${hours} more hours.`
              : "") +
            " Running instances switch within 15 seconds.\n",
        );
      });
  },
};
