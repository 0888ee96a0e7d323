import type { ModuleCommand } from "@tandem/kernel";
import { ClientStore } from "../provider/ClientStore.js";

const collect = (value: string, previous: string[] = []) => [...previous, value];

/** `tandem client add|list`: the apps that sign users in through Tandem. */
export const clientCommand: ModuleCommand = {
  name: "client",
  description: "manage the apps that sign users in through Tandem (OpenID clients)",
  define(client, tools) {
    client
      .command("add")
      .description("register a client; prints client_id (and client_secret) as JSON, once")
      .requiredOption("--name <name>", "the app's name, shown to users")
      .requiredOption("--redirect-uri <uri>", "an exact redirect URI (repeat for several)", collect)
      .option("--public", "a public client (single-page or mobile app): no secret, PKCE only")
      .option(
        "--post-logout-redirect-uri <uri>",
        "where to return after sign-out (repeatable)",
        collect,
      )
      .option(
        "--backchannel-logout-uri <uri>",
        "where Tandem posts logout tokens when a session ends",
      )
      .option(
        "--third-party",
        "an app not run by this deployment: users are asked to consent before it gets access",
      )
      .action(
        async (options: {
          name: string;
          redirectUri: string[];
          public?: boolean;
          postLogoutRedirectUri?: string[];
          backchannelLogoutUri?: string;
          thirdParty?: boolean;
        }) => {
          const registered = await tools.withStorage(
            (s) =>
              new ClientStore(s.database).add({
                name: options.name,
                redirectUris: options.redirectUri,
                public: options.public,
                postLogoutRedirectUris: options.postLogoutRedirectUri,
                backchannelLogoutUri: options.backchannelLogoutUri,
                thirdParty: options.thirdParty,
              }),
            { action: "client_added", subject: (r) => r.client_id },
          );
          tools.print(`${JSON.stringify(registered, null, 2)}\n`);
        },
      );

    client
      .command("list")
      .description("list registered clients")
      .action(async () => {
        const clients = await tools.withStorage((s) => new ClientStore(s.database).list());
        tools.print(
          `${JSON.stringify(
            clients.map((c) => ({ ...c, createdAt: new Date(c.createdAt).toISOString() })),
            null,
            2,
          )}\n`,
        );
      });
  },
};
