export {
  type BackendName,
  createTestBackend,
  currentBackend,
  type TestBackend,
} from "./backend.js";
export { startCluster, type TestCluster } from "./cluster.js";
export { CollabWire } from "./collabWire.js";
export { eventually } from "./eventually.js";
export { buildUser, signedInClient } from "./factories.js";
export { ApiClient } from "./http.js";
export {
  createNotesApi,
  createNotesModule,
  declareNotesRoutes,
  minimalModuleCliPath,
  NOTE_KEPT_MS,
  NOTES_API,
  NotesStore,
} from "./minimalModule/index.js";
export {
  AuthorizationStopped,
  type FollowedResponse,
  OidcUserAgent,
  sameEndpoint,
} from "./oidcUserAgent.js";
export { type CliResult, runCli } from "./runCli.js";
export { type ReceivedMail, SmtpInboxDouble } from "./SmtpInboxDouble.js";
export { cliPath, type SpawnedTandem, spawnTandem } from "./spawnTandem.js";
export { startTestServer, type TestServer } from "./testServer.js";
export { openTwoConnections, type TwoConnections } from "./twoConnections.js";
export {
  type UpstreamAccount,
  type UpstreamDoubleOptions,
  UpstreamProviderDouble,
} from "./UpstreamProviderDouble.js";
