import { Unzip, type UnzipFile, UnzipInflate } from "fflate";
import { TooLargeFile, UnreadableFile } from "./UnreadableFile.js";

/**
 * Unpacks a ZIP (DOCX, ODT) counting the bytes it really inflates — not the sizes its headers
 * declare, which a crafted archive sets to anything — and stops at `maxBytes`: a few
 * kilobytes of "zip bomb" would otherwise unpack to gigabytes inside the server.
 */
export function unzipWithin(bytes: Uint8Array, maxBytes: number): Record<string, Uint8Array> {
  const entries: Record<string, Uint8Array> = {};
  let total = 0;
  let failure: Error | undefined;
  const unzip = new Unzip((file: UnzipFile) => {
    const chunks: Uint8Array[] = [];
    file.ondata = (error, chunk, final) => {
      if (failure) return;
      if (error) {
        failure = new UnreadableFile(`the archive entry ${file.name} is damaged`);
        return;
      }
      total += chunk.length;
      if (total > maxBytes) {
        failure = new TooLargeFile(
          `the file unpacks to more than ${Math.round(maxBytes / 1024 / 1024)} MB`,
        );
        file.terminate();
        return;
      }
      chunks.push(chunk);
      if (final) entries[file.name] = concat(chunks);
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  try {
    unzip.push(bytes, true);
  } catch {
    throw failure ?? new UnreadableFile("this is not a ZIP archive");
  }
  if (failure) throw failure;
  if (Object.keys(entries).length === 0) throw new UnreadableFile("this is not a ZIP archive");
  return entries;
}

function concat(chunks: Uint8Array[]): Uint8Array {
  if (chunks.length === 1 && chunks[0]) return chunks[0];
  const out = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.length, 0));
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}
