import type { ModuleCommand } from "@tandem/kernel";
import { presentOrganisation } from "../api/admin/organisations.js";
import { type OrganisationRow, OrganisationStore } from "../organisations/OrganisationStore.js";

/** `tandem org add|list`: organisations (every account belongs to one). */
export const orgCommand: ModuleCommand = {
  name: "org",
  description: "manage organisations (every account belongs to one)",
  define(org, tools) {
    org
      .command("add")
      .description("create an organisation; prints it as JSON")
      .requiredOption("--name <name>", "the organisation's name")
      .requiredOption("--country <code>", "two-letter country code, e.g. FR or DE")
      .option("--id <identifier>", "official identifier, e.g. a SIRET (checked for FR)")
      .option("--require-mfa", "its members must use a second factor")
      .action(
        async (options: { name: string; country: string; id?: string; requireMfa?: boolean }) => {
          const created = await tools.withStorage(
            (s) =>
              new OrganisationStore(s.database).add({
                name: options.name,
                country: options.country,
                identifier: options.id,
                requireMfa: options.requireMfa,
              }),
            { action: "organisation_added", subject: options.id ?? options.name },
          );
          tools.print(`${JSON.stringify(present(created), null, 2)}\n`);
        },
      );

    org
      .command("list")
      .description("list organisations as JSON")
      .action(async () => {
        const all = await tools.withStorage((s) => new OrganisationStore(s.database).list());
        tools.print(`${JSON.stringify(all.map(present), null, 2)}\n`);
      });
  },
};

/** The admin API's shape, without the creation date the CLI never printed. */
function present(row: OrganisationRow) {
  const { createdAt: _, ...shown } = presentOrganisation(row);
  return shown;
}
