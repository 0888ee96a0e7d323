// Servers the benchmarks start: run by Node itself (no npm or shell in between), so the pid
// is the server's and its CPU and memory can be read from /proc.
import { spawn } from "node:child_process";
import { createServer } from "node:net";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../..", import.meta.url));
export const cliPath = join(root, "packages/server/dist/cli.js");

/**
 * `node …args` with only PATH and `env` in its environment; `output()` is all it printed,
 * `stdout()` and `stderr()` each stream alone.
 */
export function spawnNode(args, { env = {}, cwd } = {}) {
  const child = spawn(process.execPath, args, {
    env: { PATH: process.env.PATH ?? "", ...env },
    cwd,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const text = { all: "", stdout: "", stderr: "" };
  for (const stream of ["stdout", "stderr"]) {
    child[stream].on("data", (chunk) => {
      text.all += chunk;
      text[stream] += chunk;
    });
  }
  return {
    child,
    output: () => text.all,
    stdout: () => text.stdout,
    stderr: () => text.stderr,
  };
}

/** Resolves with the first match of `pattern` in what the child prints; rejects if it exits first. */
export function waitForOutput({ child, output }, pattern, what, timeoutMs = 30_000) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`${what} did not start:\n${output()}`)),
      timeoutMs,
    );
    const look = () => {
      const match = pattern.exec(output());
      if (match) {
        clearTimeout(timer);
        child.stdout.off("data", look);
        resolve(match);
      }
    };
    child.stdout.on("data", look);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`${what} exited with ${code}:\n${output()}`));
    });
  });
}

/** SIGTERM, then SIGKILL if it is still there after 10 s; resolves once it has exited. */
export async function stopChild(child) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
  await exited;
  clearTimeout(timer);
}

/** A `tandem` CLI command; resolves with what it printed on stdout. */
export async function runCli(args, { env, cwd }) {
  const started = spawnNode([cliPath, ...args], { env, cwd });
  const code = await new Promise((resolve, reject) => {
    started.child.on("error", reject);
    started.child.on("close", resolve);
  });
  if (code !== 0) throw new Error(`tandem ${args.join(" ")}: ${started.stderr()}`);
  return started.stdout();
}

/** Port 0 gives a free port; it is released at once so the server can bind it. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}
