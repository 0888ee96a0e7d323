import { spawn } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { Unavailable } from "@tandem/kernel";

/** LibreOffice's command and the bounds of one run. */
export interface LibreOffice {
  command: string;
  /** Killed past this. */
  timeoutMs: number;
  /** Its address space, in MB (ulimit -v, where a POSIX shell sets it). */
  memoryMb: number;
}

/**
 * PDF through LibreOffice, from the ODT export: the rendering administrations already
 * trust. Each conversion gets its own LibreOffice profile, so conversions can run side by
 * side and never meet a user's running LibreOffice. A child process, bounded in time and
 * memory: the server's event loop only waits for it.
 */
export async function odtToPdf(odt: Uint8Array, libreoffice: LibreOffice): Promise<Buffer> {
  const dir = await mkdtemp(join(tmpdir(), "tandem-pdf-"));
  try {
    const source = join(dir, "document.odt");
    await writeFile(source, odt);
    await new Promise<void>((resolve, reject) => {
      const args = [
        `-env:UserInstallation=${pathToFileURL(join(dir, "profile")).href}`,
        "--headless",
        "--convert-to",
        "pdf",
        "--outdir",
        dir,
        source,
      ];
      const [command, argv] = withMemoryLimit(libreoffice, args);
      // Its own process group: LibreOffice's launcher starts soffice.bin as a child, and the
      // time limit must end both.
      const child = spawn(command, argv, { detached: true, stdio: "ignore" });
      const timer = setTimeout(() => {
        try {
          if (child.pid) process.kill(-child.pid, "SIGKILL");
        } catch {
          // Already gone.
        }
      }, libreoffice.timeoutMs);
      child.once("error", (error) => {
        clearTimeout(timer);
        reject(error);
      });
      child.once("exit", (code) => {
        clearTimeout(timer);
        if (code === 0) resolve();
        // 127: the shell found no such command.
        else
          reject(
            Object.assign(new Error("LibreOffice failed"), {
              code: code === 127 ? "ENOENT" : code,
            }),
          );
      });
    }).catch((error: NodeJS.ErrnoException) => {
      throw new Unavailable(
        error.code === "ENOENT"
          ? `PDF export needs LibreOffice (${libreoffice.command} was not found; see TANDEM_DOCS_LIBREOFFICE)`
          : "LibreOffice could not convert this document to PDF",
      );
    });
    return await readFile(join(dir, "document.pdf"));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * The command run through `sh`, which lowers its own address-space limit and then becomes
 * LibreOffice (exec: same process, so the timeout's kill reaches LibreOffice itself).
 */
function withMemoryLimit(libreoffice: LibreOffice, args: string[]): [string, string[]] {
  if (process.platform === "win32") return [libreoffice.command, args];
  return [
    "/bin/sh",
    [
      "-c",
      'ulimit -v "$0" && exec "$@"',
      String(libreoffice.memoryMb * 1024),
      libreoffice.command,
      ...args,
    ],
  ];
}
