import { normaliseEmail } from "@tandem/accounts";
import { z } from "@tandem/kernel";
import { invalidSyntax, invalidValue } from "./errors.js";
import { ENTERPRISE_USER_SCHEMA, USER_SCHEMA } from "./urns.js";

/** A User resource as Tandem keeps it: what POST, PUT and a patched resource come down to. */
export interface UserInput {
  /** `userName`, which is the account's e-mail address. */
  email: string;
  displayName: string;
  givenName: string;
  familyName: string;
  externalId: string | null;
  /** Undefined when not given: a new account is active, an existing one keeps its state. */
  active: boolean | undefined;
  /** The enterprise extension's `organization`; undefined when not given. */
  organisation: string | undefined;
}

/** Entra ID sends booleans as "True"/"False" strings in some of its mappings. */
const Booleanish = z.union([
  z.boolean(),
  z
    .string()
    .regex(/^(true|false)$/i, { message: "must be true or false" })
    .transform((value) => value.toLowerCase() === "true"),
]);

const optionalText = (max: number) => z.string().max(max).nullish();

const UserResource = z.looseObject({
  /** Must name the core User schema when given. */
  schemas: z.array(z.string()).optional(),
  /** The account's e-mail address, which Tandem signs in with. */
  userName: z.string().trim().min(1).max(320),
  /** The provisioning system's own id for the account. */
  externalId: optionalText(1000),
  /** Given and family name; `formatted` is used when there is no displayName. */
  name: z
    .looseObject({
      givenName: optionalText(200),
      familyName: optionalText(200),
      formatted: optionalText(200),
    })
    .nullish(),
  /** Shown everywhere in Tandem. */
  displayName: optionalText(200),
  /** Accepted, not kept: an account's one e-mail is its userName. */
  emails: z.array(z.looseObject({ value: z.string().optional() })).nullish(),
  /** False disables the account and ends its sessions and tokens at once. */
  active: Booleanish.optional(),
  /** Tandem never takes a password over SCIM: accounts sign in through their organisation. */
  password: z.undefined({ message: "Tandem does not take passwords over SCIM" }).optional(),
  [ENTERPRISE_USER_SCHEMA]: z
    .looseObject({
      /** The organisation's official identifier (a SIRET in France) or its name. */
      organization: optionalText(200),
    })
    .nullish(),
});

const TOP_LEVEL = [
  "schemas",
  "id",
  "externalId",
  "userName",
  "name",
  "displayName",
  "emails",
  "active",
  "password",
  "meta",
  "groups",
  ENTERPRISE_USER_SCHEMA,
];
const NAME = ["givenName", "familyName", "formatted"];
const ENTERPRISE = ["organization"];
const EMAIL = /^[^\s@]+@[^\s@]+$/;

/** Reads a User resource from a request body or a patched resource. */
export function parseUserResource(body: unknown): UserInput {
  if (!isObject(body)) throw invalidSyntax("the body must be a JSON object");
  const resource = canonicalKeys(body, TOP_LEVEL);
  if (isObject(resource.name)) resource.name = canonicalKeys(resource.name, NAME);
  const extension = resource[ENTERPRISE_USER_SCHEMA];
  if (isObject(extension)) resource[ENTERPRISE_USER_SCHEMA] = canonicalKeys(extension, ENTERPRISE);
  const schemas = resource.schemas;
  if (
    Array.isArray(schemas) &&
    !schemas.some((s) => String(s).toLowerCase() === USER_SCHEMA.toLowerCase())
  ) {
    throw invalidSyntax(`"schemas" must include ${USER_SCHEMA}`);
  }
  const parsed = UserResource.safeParse(resource);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw invalidValue(`${issue?.path.join(".") || "body"}: ${issue?.message ?? "invalid"}`);
  }
  const user = parsed.data;
  const email = normaliseEmail(user.userName);
  if (!EMAIL.test(email))
    throw invalidValue(`userName "${user.userName}" is not an e-mail address`);
  const givenName = user.name?.givenName?.trim() ?? "";
  const familyName = user.name?.familyName?.trim() ?? "";
  const displayName =
    user.displayName?.trim() ||
    user.name?.formatted?.trim() ||
    `${givenName} ${familyName}`.trim() ||
    email.split("@")[0] ||
    email;
  if (displayName.length > 200) {
    throw invalidValue("displayName must have at most 200 characters");
  }
  // Without given and family name, they come from the display name, as for the CLI's accounts.
  const [first = "", ...rest] = displayName.split(/\s+/);
  const named = givenName !== "" || familyName !== "";
  return {
    email,
    displayName,
    givenName: named ? givenName : first,
    familyName: named ? familyName : rest.join(" "),
    externalId: user.externalId?.trim() || null,
    active: user.active,
    organisation: user[ENTERPRISE_USER_SCHEMA]?.organization?.trim() || undefined,
  };
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** SCIM attribute names are case-insensitive (RFC 7643 §2.1): known ones get their usual case. */
export function canonicalKeys(
  object: Record<string, unknown>,
  names: string[],
): Record<string, unknown> {
  const byLower = new Map(names.map((name) => [name.toLowerCase(), name]));
  const result: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(object)) {
    result[byLower.get(key.toLowerCase()) ?? key] = value;
  }
  return result;
}
