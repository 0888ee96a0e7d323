// The Tandem the conversions benchmark drives: `tandem serve` as an operator starts it, and
// one ordinary account (no administrator role) made through the admin API, as an
// administrator signs someone up, with a personal access token for REST and the socket.
import { randomBytes } from "node:crypto";
import { postgresBackend, sqliteBackend } from "../shared/backends.mjs";
import { cliPath, spawnNode, stopChild, waitForOutput } from "../shared/processes.mjs";

/**
 * Bounds lifted so the 2 MB Markdown reaches the parser: then only the conversion worker's
 * heap and time limits stop it, and the worker works for seconds rather than refusing early.
 */
export const LIFTED_BOUNDS = {
  TANDEM_DOCS_IMPORT_MAX_BLOCKS: "10000000",
  TANDEM_DOCS_IMPORT_MAX_CHARACTERS: "100000000",
  TANDEM_DOCS_CONVERT_SECONDS: "20",
};

export async function startTandem({ postgres, env = {} }) {
  const backend = postgres ? await postgresBackend() : sqliteBackend();
  const store = await backend.fresh();
  const server = spawnNode([cliPath, "serve"], {
    env: { PORT: "0", TANDEM_HOST: "127.0.0.1", ...store.env, ...env },
    cwd: store.base,
  });
  try {
    const port = Number((await waitForOutput(server, /listening on \S+:(\d+)\)/, "tandem"))[1]);
    const url = `http://127.0.0.1:${port}`;
    await new Promise((resolve) => setTimeout(resolve, 200));
    const admin = {
      email: /^ {2}E-mail: +(\S+)$/m.exec(server.output())?.[1],
      password: /^ {2}Password: +(\S+)$/m.exec(server.output())?.[1],
    };
    if (!admin.email || !admin.password)
      throw new Error(`no first-admin banner:\n${server.output()}`);
    const token = await signUp(url, admin);
    return {
      url,
      pid: server.child.pid,
      token,
      backendLabel: backend.label,
      collabUrl: `ws://127.0.0.1:${port}/api/docs/collab`,
      async newDocument() {
        const response = await fetch(`${url}/api/docs/v1/documents`, {
          method: "POST",
          headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
          body: JSON.stringify({ title: "bench" }),
        });
        if (response.status !== 201) throw new Error(`create: ${await response.text()}`);
        return (await response.json()).id;
      },
      /** POST /import as the user; resolves with the status, the message and the time taken. */
      async importFile(format, body) {
        const started = performance.now();
        const response = await fetch(`${url}/api/docs/v1/import?format=${format}`, {
          method: "POST",
          headers: {
            authorization: `Bearer ${token}`,
            "content-type": "application/octet-stream",
          },
          body,
        });
        const json = await response.json().catch(() => ({}));
        return { status: response.status, message: json.message, ms: performance.now() - started };
      },
      async stop() {
        await stopChild(server.child);
        await store.dispose();
        await backend.close();
      },
    };
  } catch (error) {
    await stopChild(server.child);
    await store.dispose();
    await backend.close();
    throw error;
  }
}

/** The administrator creates a member account; the member signs in and makes a token. */
async function signUp(url, admin) {
  const adminCookie = await signIn(url, admin);
  const member = {
    email: `bench-${randomBytes(4).toString("hex")}@example.org`,
    password: randomBytes(18).toString("base64url"),
  };
  await send(url, "POST", "/api/v1/admin/users", adminCookie, {
    ...member,
    name: "Camille Bench",
    role: "member",
  });
  const cookie = await signIn(url, member);
  const created = await send(url, "POST", "/api/v1/account/tokens", cookie, {
    name: "bench",
    expiresInDays: 1,
    scopes: ["api"],
  });
  return created.token;
}

async function signIn(url, { email, password }) {
  const response = await fetch(`${url}/api/v1/session`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: url },
    body: JSON.stringify({ email, password }),
  });
  if (response.status !== 200) throw new Error(`sign-in: ${await response.text()}`);
  return response.headers
    .getSetCookie()
    .find((cookie) => cookie.startsWith("tandem_session="))
    ?.split(";")[0];
}

async function send(url, method, path, cookie, body) {
  const response = await fetch(url + path, {
    method,
    headers: { "content-type": "application/json", origin: url, cookie },
    body: JSON.stringify(body),
  });
  if (!response.ok)
    throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  return response.json();
}
