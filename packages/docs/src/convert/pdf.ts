import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { Unavailable } from "@tandem/kernel";

/**
 * PDF through LibreOffice, from the ODT export: the rendering administrations already
 * trust. Each conversion gets its own LibreOffice profile, so conversions can run side by
 * side and never meet a user's running LibreOffice.
 */
export async function odtToPdf(odt: Uint8Array, libreoffice: string): Promise<Buffer> {
  const dir = await mkdtemp(join(tmpdir(), "tandem-pdf-"));
  try {
    const source = join(dir, "document.odt");
    await writeFile(source, odt);
    await new Promise<void>((resolve, reject) => {
      execFile(
        libreoffice,
        [
          `-env:UserInstallation=${pathToFileURL(join(dir, "profile")).href}`,
          "--headless",
          "--convert-to",
          "pdf",
          "--outdir",
          dir,
          source,
        ],
        { timeout: 120_000 },
        (error) => (error ? reject(error) : resolve()),
      );
    }).catch((error: NodeJS.ErrnoException) => {
      throw new Unavailable(
        error.code === "ENOENT"
          ? `PDF export needs LibreOffice (${libreoffice} was not found; see TANDEM_DOCS_LIBREOFFICE)`
          : "LibreOffice could not convert this document to PDF",
      );
    });
    return await readFile(join(dir, "document.pdf"));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
