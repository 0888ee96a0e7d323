import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** The built CLI, as `npm start` runs it. */
export const cliPath = join(
  dirname(fileURLToPath(import.meta.resolve("@tandem/server/package.json"))),
  "dist/cli.js",
);

export interface SpawnedTandem {
  url: string;
  port: number;
  child: ChildProcess;
  /** Everything the process wrote so far, stdout and stderr interleaved. */
  output(): string;
  /** The first administrator from the first-start banner, or null when none was printed. */
  firstAdmin(): { email: string; password: string } | null;
  /** Sends the signal and resolves with the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/**
 * Starts `tandem serve` as its own process, the way an operator does, and resolves once
 * it prints its URL. Used where one process is not enough: several instances, signals, startup time.
 */
export async function spawnTandem(
  env: Record<string, string>,
  options: { timeoutMs?: number } = {},
): Promise<SpawnedTandem> {
  const child = spawn(process.execPath, [cliPath, "serve"], {
    env: { PATH: process.env.PATH ?? "", PORT: "0", TANDEM_LOG_FORMAT: "json", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  const exited = once(child, "exit").then(([code]) => code as number | null);
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`tandem did not start in time:\n${output}`));
    }, options.timeoutMs ?? 20_000);
    const look = () => {
      const match = /Tandem is running at \S+ \(listening on \S+:(\d+)\)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    };
    child.stdout?.on("data", look);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`tandem exited with ${code} before it started:\n${output}`));
    });
  });
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    child,
    output: () => output,
    firstAdmin: () => {
      // The banner is printed in one write, right after the URL line the start waited for.
      const email = /^ {2}E-mail: +(\S+)$/m.exec(output)?.[1];
      const password = /^ {2}Password: +(\S+)$/m.exec(output)?.[1];
      return email && password ? { email, password } : null;
    },
    stop: async (signal = "SIGTERM") => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}
