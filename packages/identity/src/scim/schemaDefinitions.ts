import { ENTERPRISE_USER_SCHEMA, GROUP_SCHEMA, SCHEMA_SCHEMA, USER_SCHEMA } from "./urns.js";

/**
 * The schemas `/Schemas` publishes (RFC 7643 §7): the attributes Tandem keeps, with their
 * characteristics. Attributes of RFC 7643 that Tandem does not keep are left out, so a
 * client's mapping shows what will be stored.
 */
interface Attribute {
  name: string;
  type: "string" | "boolean" | "complex" | "reference" | "dateTime";
  multiValued: boolean;
  description: string;
  required: boolean;
  caseExact: boolean;
  mutability: "readOnly" | "readWrite" | "immutable" | "writeOnly";
  returned: "always" | "never" | "default" | "request";
  uniqueness: "none" | "server" | "global";
  subAttributes?: Attribute[];
  referenceTypes?: string[];
}

function attribute(name: string, description: string, extra: Partial<Attribute> = {}): Attribute {
  return {
    name,
    type: "string",
    multiValued: false,
    description,
    required: false,
    caseExact: false,
    mutability: "readWrite",
    returned: "default",
    uniqueness: "none",
    ...extra,
  };
}

const readOnly = { mutability: "readOnly" } as const;

const userAttributes: Attribute[] = [
  attribute("userName", "The account's e-mail address, which it signs in with.", {
    required: true,
    uniqueness: "server",
  }),
  attribute("name", "The account's name.", {
    type: "complex",
    subAttributes: [
      attribute("formatted", "Given and family name together.", readOnly),
      attribute("givenName", "Given name."),
      attribute("familyName", "Family name."),
    ],
  }),
  attribute("displayName", "The name Tandem shows."),
  attribute("emails", "The account's one e-mail address, its userName.", {
    type: "complex",
    multiValued: true,
    mutability: "readOnly",
    subAttributes: [
      attribute("value", "The address.", readOnly),
      attribute("type", 'Always "work".', readOnly),
      attribute("primary", "Always true.", { type: "boolean", ...readOnly }),
    ],
  }),
  attribute("active", "False disables the account and ends its sessions and tokens at once.", {
    type: "boolean",
  }),
  attribute("groups", "The groups the account is a member of.", {
    type: "complex",
    multiValued: true,
    mutability: "readOnly",
    subAttributes: [
      attribute("value", "The group's id.", readOnly),
      attribute("$ref", "The group's URI.", {
        type: "reference",
        referenceTypes: ["Group"],
        ...readOnly,
      }),
      attribute("display", "The group's displayName.", readOnly),
    ],
  }),
];

const groupAttributes: Attribute[] = [
  attribute("displayName", "The group's name.", { required: true }),
  attribute("members", "The group's members: accounts only.", {
    type: "complex",
    multiValued: true,
    subAttributes: [
      attribute("value", "The account's id.", { mutability: "immutable" }),
      attribute("$ref", "The account's URI.", {
        type: "reference",
        referenceTypes: ["User"],
        mutability: "immutable",
      }),
      attribute("display", "The account's displayName.", readOnly),
      attribute("type", 'Always "User".', { mutability: "immutable" }),
    ],
  }),
];

const enterpriseAttributes: Attribute[] = [
  attribute(
    "organization",
    "The account's organisation, by official identifier (a SIRET in France) or by name; the deployment's own organisation when it names none Tandem knows.",
  ),
];

function schema(
  id: string,
  name: string,
  description: string,
  attributes: Attribute[],
  base: string,
) {
  return {
    schemas: [SCHEMA_SCHEMA],
    id,
    name,
    description,
    attributes,
    meta: { resourceType: "Schema", location: `${base}/Schemas/${id}` },
  };
}

export function schemaDefinitions(base: string) {
  return [
    schema(USER_SCHEMA, "User", "A Tandem account.", userAttributes, base),
    schema(GROUP_SCHEMA, "Group", "A group of Tandem accounts.", groupAttributes, base),
    schema(
      ENTERPRISE_USER_SCHEMA,
      "EnterpriseUser",
      "The account's organisation.",
      enterpriseAttributes,
      base,
    ),
  ];
}
