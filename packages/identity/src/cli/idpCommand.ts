import type { ModuleCommand } from "@tandem/kernel";
import { UpstreamStore } from "../federation/UpstreamStore.js";

const collect = (value: string, previous: string[] = []) => [...previous, value];

/** `tandem idp add|list`: upstream identity providers Tandem brokers. */
export const idpCommand: ModuleCommand = {
  name: "idp",
  description: "manage upstream identity providers (ProConnect, Keycloak, another Tandem)",
  define(idp, tools) {
    idp
      .command("add")
      .description("broker an upstream OpenID provider for the e-mail domains it vouches for")
      .requiredOption("--name <name>", "shown to users, e.g. ProConnect")
      .requiredOption("--issuer <url>", "the provider's issuer URL (discovery is read from it)")
      .requiredOption("--client-id <id>", "Tandem's client id at the provider")
      .requiredOption(
        "--client-secret-stdin",
        "read Tandem's client secret at the provider from standard input",
      )
      .requiredOption(
        "--domain <domain>",
        "an e-mail domain it vouches for (repeat for several)",
        collect,
      )
      .option("--profile <profile>", "claim mapping: proconnect or oidc", "oidc")
      .option(
        "--federation <country>",
        "country its accounts come from (their home_federation)",
        "FR",
      )
      .action(
        async (options: {
          name: string;
          issuer: string;
          clientId: string;
          domain: string[];
          profile: string;
          federation: string;
        }) => {
          const secret = await tools.readStdin();
          if (!secret) throw tools.failure("no client secret on standard input");
          const added = await tools.withStorage(
            (s) =>
              new UpstreamStore(s.database).add({
                name: options.name,
                issuer: options.issuer,
                clientId: options.clientId,
                clientSecret: secret,
                profile: options.profile as "proconnect" | "oidc",
                domains: options.domain,
                federation: options.federation,
              }),
            { action: "upstream_added", subject: options.issuer },
          );
          const { clientSecret: _hidden, ...shown } = added;
          tools.print(`${JSON.stringify(shown, null, 2)}\n`);
        },
      );

    idp
      .command("list")
      .description("list upstream providers as JSON (secrets not shown)")
      .action(async () => {
        const all = await tools.withStorage((s) => new UpstreamStore(s.database).list());
        tools.print(
          `${JSON.stringify(
            all.map(({ clientSecret: _hidden, ...shown }) => shown),
            null,
            2,
          )}\n`,
        );
      });
  },
};
