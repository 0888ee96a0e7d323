import type { UserRow } from "../accounts/tables.js";

/**
 * Whether an account must have a second factor before it gets a session. The kernel knows
 * no organisations: a module that does (identity: an organisation's "require MFA") answers,
 * and the composition root combines the modules' answers.
 */
export type SecondFactorPolicy = (user: UserRow) => Promise<boolean>;

/** No module asks for a second factor: the account's own choice stands. */
export const noSecondFactorPolicy: SecondFactorPolicy = async () => false;
