import { ApiClient, startTestServer, type TestServer } from "@tandem/testkit";

export {
  ENTERPRISE_USER_SCHEMA as ENTERPRISE,
  ERROR_MESSAGE as ERROR,
  GROUP_SCHEMA as GROUP,
  LIST_RESPONSE as LIST,
  PATCH_OP,
  USER_SCHEMA as USER,
} from "@tandem/identity";

/** A Tandem with a SCIM client holding an administrator's personal access token, as a provisioning system has. */
export async function startScimServer(): Promise<{
  server: TestServer;
  scim: ApiClient;
  token: string;
}> {
  const server = await startTestServer();
  const admin = await server.tandem.accounts.byEmail(server.admin.email);
  const { token } = await server.tandem.access.createToken(admin, { expiresAt: null });
  return { server, scim: new ApiClient(`${server.url}/scim/v2`, { bearer: token }), token };
}
