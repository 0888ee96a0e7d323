import { spawn } from "node:child_process";
import { cliPath } from "./spawnTandem.js";

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs one `tandem` CLI command to completion, as an operator would from a shell. `entry`:
 * another build's CLI (minimalModuleCliPath: with the notes module), the server's by default.
 */
export function runCli(
  args: string[],
  env: Record<string, string>,
  options: { stdin?: string; entry?: string } = {},
): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [options.entry ?? cliPath, ...args], {
      env: { PATH: process.env.PATH ?? "", TANDEM_LOG_FORMAT: "json", ...env },
      stdio: ["pipe", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(options.stdin ?? "");
  });
}
