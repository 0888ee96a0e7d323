// Both sides must issue the same kind of tokens under the same rules, or the ratio means nothing:
// their discovery documents are compared, and a sample of each grant's tokens described.
import { authorizationRequest, exchangeCode, tokenRequest } from "./client.mjs";
import { GRANTS } from "./grants.mjs";

export async function checkEquivalence(tandem, bare) {
  const problems = [];
  const discovery = async (server) =>
    JSON.parse((await server.target.send("/.well-known/openid-configuration")).text);
  const [a, b] = await Promise.all([discovery(tandem), discovery(bare)]);
  for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
    const strip = (value) =>
      typeof value === "string" ? value.replace(/^http:\/\/127\.0\.0\.1:\d+/, "") : value;
    if (key === "issuer") continue;
    if (JSON.stringify(strip(a[key])) !== JSON.stringify(strip(b[key]))) {
      problems.push(
        `discovery ${key}: tandem ${JSON.stringify(a[key])}, bare ${JSON.stringify(b[key])}`,
      );
    }
  }
  const sample = async (server) => {
    const cc = await tokenRequest(server.target, server.client, {
      grant_type: "client_credentials",
    });
    const [chain] = await GRANTS.refresh.prepare(server, 1);
    const first = chain.refreshToken;
    const refreshed = await tokenRequest(server.target, server.client, {
      grant_type: "refresh_token",
      refresh_token: first,
    });
    const [{ browser }] = await GRANTS.code.prepare(server, 1);
    const request = authorizationRequest(server.client);
    const callback = await browser.authorize(request.path);
    const code = await exchangeCode(server.target, server.client, callback, request);
    const describe = (token) => (token.includes(".") ? "JWT" : `opaque(${token.length})`);
    const idClaims = (jwt) =>
      Object.keys(JSON.parse(Buffer.from(jwt.split(".")[1], "base64url").toString("utf8")))
        .sort()
        .join(",");
    return {
      "client credentials": `${describe(cc.access_token)} expires_in=${cc.expires_in} scope=${cc.scope ?? ""}`,
      refresh: `${describe(refreshed.access_token)} expires_in=${refreshed.expires_in} rotated=${refreshed.refresh_token !== first} refresh=${describe(refreshed.refresh_token)} id_token=${Boolean(refreshed.id_token)}`,
      "code flow": `${describe(code.access_token)} expires_in=${code.expires_in} refresh=${Boolean(code.refresh_token)}`,
      "ID token claims": idClaims(code.id_token),
    };
  };
  const [ta, ba] = [await sample(tandem), await sample(bare)];
  console.log("Token format check (access token, lifetime, rotation):");
  for (const key of Object.keys(ta)) {
    const same = ta[key] === ba[key];
    console.log(
      `  ${same ? "same" : "DIFF"}  ${key.padEnd(19)} ${ta[key]}${same ? "" : `  vs bare: ${ba[key]}`}`,
    );
    if (!same) problems.push(`${key} tokens differ`);
  }
  if (problems.length) {
    console.log(
      `\nWARNING: the two providers are not configured alike:\n  ${problems.join("\n  ")}`,
    );
  }
  console.log("");
}
