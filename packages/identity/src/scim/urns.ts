/** The schema and message URNs of SCIM 2.0 (RFC 7643 §8.7, RFC 7644 §3) that Tandem speaks. */
export const USER_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:User";
export const ENTERPRISE_USER_SCHEMA = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
export const GROUP_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:Group";
export const SERVICE_PROVIDER_CONFIG_SCHEMA =
  "urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig";
export const RESOURCE_TYPE_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:ResourceType";
export const SCHEMA_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:Schema";
export const LIST_RESPONSE = "urn:ietf:params:scim:api:messages:2.0:ListResponse";
export const PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
export const ERROR_MESSAGE = "urn:ietf:params:scim:api:messages:2.0:Error";

/** What every SCIM response is sent as (RFC 7644 §3.1); requests may use it or plain JSON. */
export const SCIM_CONTENT_TYPE = "application/scim+json; charset=utf-8";

/** Where SCIM lives under the public URL; the base of every `meta.location`. */
export const SCIM_PREFIX = "/scim/v2";
