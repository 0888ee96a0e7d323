// The two servers the docs benchmark drives: Tandem (`tandem serve`, as an operator starts
// it) and the reference y-websocket server. Each runs in its own process.
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { postgresBackend, sqliteBackend } from "../shared/backends.mjs";
import { cliPath, spawnNode, stopChild, waitForOutput } from "../shared/processes.mjs";

const root = fileURLToPath(new URL("../..", import.meta.url));

/** Resident memory of a process, in MB (Linux). */
export function rssMb(pid) {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

export async function startTandem({ postgres }) {
  const backend = postgres ? await postgresBackend() : sqliteBackend();
  const store = await backend.fresh();
  const server = spawnNode([cliPath, "serve"], {
    env: { PORT: "0", TANDEM_HOST: "127.0.0.1", ...store.env },
  });
  const port = Number((await waitForOutput(server, /listening on \S+:(\d+)\)/, "tandem"))[1]);
  const url = `http://127.0.0.1:${port}`;
  await new Promise((resolve) => setTimeout(resolve, 200));
  const email = /^ {2}E-mail: +(\S+)$/m.exec(server.output())?.[1];
  const password = /^ {2}Password: +(\S+)$/m.exec(server.output())?.[1];
  const token = await apiToken(url, email, password);
  const api = async (method, path, body) => {
    const response = await fetch(url + path, {
      method,
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok)
      throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
    return response.json();
  };
  return {
    name: "Tandem",
    protocol: "hocuspocus",
    pid: server.child.pid,
    token,
    /** A new document; returns what the lean editors need to open it. */
    async newDocument() {
      const { id } = await api("POST", "/api/docs/v1/documents", { title: "bench" });
      return { url: `ws://127.0.0.1:${port}/api/docs/collab`, documentName: id };
    },
    async stop() {
      await stopChild(server.child);
      await store.dispose();
      await backend.close();
    },
  };
}

async function apiToken(url, email, password) {
  const session = await fetch(`${url}/api/v1/session`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: url },
    body: JSON.stringify({ email, password }),
  });
  const cookie = session.headers.getSetCookie()[0]?.split(";")[0];
  const created = await fetch(`${url}/api/v1/account/tokens`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: url, cookie },
    body: JSON.stringify({ name: "bench", expiresInDays: 1, scopes: ["api"] }),
  });
  return (await created.json()).token;
}

export async function startPeer() {
  const server = spawnNode([join(root, "bench/docs/peer.mjs")]);
  const port = Number((await waitForOutput(server, /listening on (\d+)/, "the peer"))[1]);
  return {
    name: "y-websocket",
    protocol: "y-websocket",
    pid: server.child.pid,
    token: "",
    async newDocument() {
      const name = `bench-${randomBytes(6).toString("hex")}`;
      return { url: `ws://127.0.0.1:${port}/${name}`, documentName: name };
    },
    async stop() {
      await stopChild(server.child);
    },
  };
}
