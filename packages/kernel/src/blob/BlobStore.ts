import type { Readable } from "node:stream";

/**
 * The blob store contract: opaque bytes under a key, for files too big or too binary
 * for the database (uploads, exports, media). A local folder today; S3-compatible later.
 *
 * - Keys are `/`-separated segments of letters, digits, `.`, `_` and `-`; no segment is `.` or `..`.
 * - `put` is atomic: a reader sees the old bytes or the new ones, never a half-written file.
 * - `get` of a missing key resolves to null.
 */
export interface BlobStore {
  put(key: string, data: Buffer | Uint8Array | Readable): Promise<{ size: number }>;
  get(key: string): Promise<Readable | null>;
  read(key: string): Promise<Buffer | null>;
  delete(key: string): Promise<void>;
}

const SEGMENT = /^[A-Za-z0-9._-]+$/;

export function assertBlobKey(key: string): void {
  const segments = key.split("/");
  const valid =
    key.length > 0 &&
    key.length <= 512 &&
    segments.every((s) => SEGMENT.test(s) && s !== "." && s !== "..");
  if (!valid) throw new RangeError(`invalid blob key: ${JSON.stringify(key)}`);
}
