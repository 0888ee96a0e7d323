import { option, type SliceValues, wholeNumber, z } from "@tandem/kernel";

/** The accounts' slice of the configuration: the first administrator and how long a sign-in lasts. */
export const accountsOptions = {
  adminEmail: option(
    "TANDEM_ADMIN_EMAIL",
    z
      .string()
      .regex(/^[^\s@]+@[^\s@]+$/, { message: "must be an e-mail address" })
      .default("admin@localhost"),
    "E-mail of the first administrator, created at first start when there is no administrator yet.",
  ),
  sessionMinutes: option(
    "TANDEM_SESSION_MINUTES",
    wholeNumber({ min: 5, max: 60 * 24 * 30, default: 720 }),
    "Lifetime of a browser session, in minutes.",
  ),
};

export type AccountsConfig = SliceValues<typeof accountsOptions>;
