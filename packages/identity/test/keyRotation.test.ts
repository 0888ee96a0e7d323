import {
  createTestBackend,
  eventually,
  OidcUserAgent,
  runCli,
  type SpawnedTandem,
  spawnTandem,
  type TestBackend,
} from "@tandem/testkit";
import { createLocalJWKSet, type JSONWebKeySet, jwtVerify } from "jose";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import {
  codeFlow,
  jwtHeader,
  registerClientByCli,
  relyingParty,
  type TestClient,
} from "./support.js";

/** The provider checks for new keys every 15 s; a rotation must show within two checks. */
const RELOAD_DEADLINE_MS = 30_000;

let backend: TestBackend;
let server: SpawnedTandem;
let registered: TestClient;
let agent: OidcUserAgent;
beforeAll(async () => {
  backend = await createTestBackend();
  const env = { ...backend.env, TANDEM_HOST: "127.0.0.1" };
  server = await spawnTandem(env);
  registered = await registerClientByCli(env);
  const admin = server.firstAdmin();
  if (!admin) throw new Error("a fresh server prints its first administrator");
  agent = new OidcUserAgent();
  await agent.signIn(server.url, admin.email, admin.password);
});
afterAll(async () => {
  await server?.stop();
  await backend?.dispose();
});

async function publishedKeys(): Promise<JSONWebKeySet> {
  const response = await fetch(`${server.url}/oidc/jwks`);
  expect(response.status).toBe(200);
  return (await response.json()) as JSONWebKeySet;
}

/** A fresh relying party each time: a real one would refetch the JWKS for an unknown kid. */
async function signIn() {
  const config = await relyingParty(server.url, registered);
  const { tokens } = await codeFlow(config, agent, registered.redirectUri);
  return tokens.id_token ?? "";
}

describe("signing key rotation", () => {
  test(
    "keys rotate signs new tokens with the new key; tokens signed before still verify",
    async () => {
      const before = await publishedKeys();
      expect(before.keys).toHaveLength(1);
      const oldKid = before.keys[0]?.kid;
      const oldToken = await signIn();
      expect(jwtHeader(oldToken).kid).toBe(oldKid);

      const rotated = await runCli(["keys", "rotate"], backend.env);
      expect(rotated.code).toBe(0);
      const newKid = /New signing key (\S+)\./.exec(rotated.stdout)?.[1];
      expect(newKid).toBeTruthy();
      expect(newKid).not.toBe(oldKid);

      // The running server notices by itself: nobody restarts it.
      const after = await eventually(
        async () => {
          const jwks = await publishedKeys();
          expect(jwks.keys.map((k) => k.kid).sort()).toEqual([newKid, oldKid].sort());
          return jwks;
        },
        { timeoutMs: RELOAD_DEADLINE_MS, intervalMs: 500 },
      );
      // The signing key is listed first; the retired one stays for relying parties' caches.
      expect(after.keys[0]?.kid).toBe(newKid);
      for (const key of after.keys) expect(key).not.toHaveProperty("d");

      const newToken = await signIn();
      expect(jwtHeader(newToken).kid).toBe(newKid);
      expect(jwtHeader(newToken).alg).toBe("RS256");

      const jwks = createLocalJWKSet(after);
      const audience = registered.clientId;
      const old = await jwtVerify(oldToken, jwks, { issuer: server.url, audience });
      expect(old.protectedHeader.kid).toBe(oldKid);
      const fresh = await jwtVerify(newToken, jwks, { issuer: server.url, audience });
      expect(fresh.protectedHeader.kid).toBe(newKid);
    },
    RELOAD_DEADLINE_MS + 30_000,
  );
});
