import { option, z } from "@tandem/kernel";

/** The identity module's slice of the configuration. */
export const identityOptions = {
  organisationName: option(
    "TANDEM_ORGANISATION_NAME",
    z.string().min(1).max(200).default("Tandem"),
    "Name of the deployment's own organisation, created at first start; accounts belong to it unless told otherwise.",
  ),
  organisationCountry: option(
    "TANDEM_ORGANISATION_COUNTRY",
    z
      .string()
      .regex(/^[A-Za-z]{2}$/, { message: "must be a two-letter country code such as FR or DE" })
      .default("FR"),
    "Country of the deployment's organisation (ISO 3166-1 alpha-2); the `home_federation` of its local accounts.",
  ),
  organisationId: option(
    "TANDEM_ORGANISATION_ID",
    z.string().min(1).optional(),
    "Official identifier of the deployment's organisation (a SIRET in France, checked), stated as `org_id`.",
  ),
};
