export { identityOptions } from "./config.js";
export { type NewUpstream, type Upstream, UpstreamStore } from "./federation/UpstreamStore.js";
export { createIdentityModule } from "./identityModule.js";
export { createAccount, type NewAccount } from "./organisations/accountCreator.js";
export { identifierProblem } from "./organisations/identifiers.js";
export {
  type NewOrganisation,
  type OrganisationRow,
  OrganisationStore,
} from "./organisations/OrganisationStore.js";
export {
  type IdentityClaims,
  type ProfileInput,
  ProfileStore,
} from "./organisations/ProfileStore.js";
export {
  ClientStore,
  type ClientSummary,
  type NewClient,
  type RegisteredClient,
} from "./provider/ClientStore.js";
export { INTERACTION_PATH, OIDC_ROUTES } from "./provider/createProvider.js";
export { KeyStore, RETIRED_KEY_GRACE_MS } from "./provider/KeyStore.js";
export {
  type GroupMember,
  type GroupMembership,
  type GroupRow,
  GroupStore,
} from "./scim/GroupStore.js";
export {
  ENTERPRISE_USER_SCHEMA,
  ERROR_MESSAGE,
  GROUP_SCHEMA,
  LIST_RESPONSE,
  PATCH_OP,
  USER_SCHEMA,
} from "./scim/urns.js";
export { identityMigrations } from "./storage/migrations.js";
