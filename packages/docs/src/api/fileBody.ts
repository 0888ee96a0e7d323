import type { IncomingMessage } from "node:http";
import { PayloadTooLarge } from "@tandem/kernel";

/** A body past the import limit, read to its end and dropped; the route answers 413. */
export const TOO_LARGE = Symbol("body past the import limit");

// Past this many times the limit, reading on is not worth it: the body is refused mid-stream
// (Fastify then closes the connection, and the client may see a reset rather than the 413).
const DRAIN_FACTOR = 4;

/**
 * Reads an uploaded file. A body past `limit` is still read to its end, only not kept, so the
 * 413 is answered on a connection that has nothing left to send: refused mid-upload, the
 * server closes a socket with unread bytes, the kernel resets it, and the client — its next
 * request on that kept-alive connection included — gets ECONNRESET instead of an answer.
 */
export function readFileBody(limit: number) {
  return (_request: unknown, payload: IncomingMessage): Promise<Buffer | typeof TOO_LARGE> =>
    new Promise((resolve, reject) => {
      if (Number(payload.headers["content-length"]) > limit * DRAIN_FACTOR) {
        reject(tooLarge(limit));
        return;
      }
      const chunks: Buffer[] = [];
      let received = 0;
      payload.on("data", (chunk: Buffer) => {
        received += chunk.length;
        if (received > limit * DRAIN_FACTOR) {
          payload.removeAllListeners("data");
          reject(tooLarge(limit));
        } else if (received <= limit) {
          chunks.push(chunk);
        } else {
          chunks.length = 0;
        }
      });
      payload.on("end", () =>
        resolve(received > limit ? TOO_LARGE : Buffer.concat(chunks, received)),
      );
      payload.on("error", reject);
    });
}

/** The route's side: the file, or the 413 for one past the limit. */
export function fileOf(body: unknown, limit: number): Buffer | undefined {
  if (body === TOO_LARGE) throw tooLarge(limit);
  return Buffer.isBuffer(body) ? body : undefined;
}

function tooLarge(limit: number): PayloadTooLarge {
  return new PayloadTooLarge(`The file is larger than ${Math.round(limit / (1024 * 1024))} MB.`);
}
