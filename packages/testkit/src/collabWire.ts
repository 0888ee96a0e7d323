import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import * as Y from "yjs";

/** Hocuspocus message types and y-protocols sync steps, as they travel on the wire. */
const SYNC = 0;
const AWARENESS = 1;
const AUTH = 2;
const SYNC_STEP_1 = 0;
const SYNC_STEP_2 = 1;
const UPDATE = 2;
const SYNC_STATUS = 8;
const AUTH_TOKEN = 0;
const AUTH_DENIED = 1;
const AUTH_OK = 2;

function frame(documentName: string, write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarString(encoder, documentName);
  write(encoder);
  return encoding.toUint8Array(encoder);
}

/**
 * A lean collaboration client speaking Hocuspocus' messages itself — no provider object,
 * no editor — for benchmarks that need hundreds of editors in one process, and for tests
 * that send what a well-behaved provider never would (malformed or oversized messages).
 */
export class CollabWire {
  readonly socket: WebSocket;
  readonly doc = new Y.Doc();
  /** Updates received from the server, with their arrival time. */
  onUpdate: (update: Uint8Array) => void = () => {};
  /**
   * Updates the server acknowledged as applied. It handles a socket's messages in order,
   * so these are the first `acknowledged` updates this client sent.
   */
  acknowledged = 0;
  /** Updates the server refused (a read-only connection). */
  refused = 0;
  readonly closed: Promise<{ code: number; reason: string }>;
  #authenticated: Promise<"read-write" | "readonly">;

  constructor(
    url: string,
    readonly documentName: string,
    token: string,
  ) {
    this.socket = new WebSocket(url);
    this.socket.binaryType = "arraybuffer";
    this.closed = new Promise((resolve) =>
      this.socket.addEventListener("close", (event) =>
        resolve({ code: event.code, reason: event.reason }),
      ),
    );
    this.#authenticated = new Promise((resolve, reject) => {
      this.socket.addEventListener("message", (event) => {
        const decoder = decoding.createDecoder(new Uint8Array(event.data as ArrayBuffer));
        decoding.readVarString(decoder);
        const type = decoding.readVarUint(decoder);
        if (type === AUTH) {
          const answer = decoding.readVarUint(decoder);
          const detail = decoding.readVarString(decoder);
          if (answer === AUTH_OK) resolve(detail === "readonly" ? "readonly" : "read-write");
          else if (answer === AUTH_DENIED) reject(new Error(`permission denied: ${detail}`));
        } else if (type === SYNC_STATUS) {
          if (decoding.readVarUint(decoder) === 1) this.acknowledged += 1;
          else this.refused += 1;
        } else if (type === SYNC) {
          const step = decoding.readVarUint(decoder);
          if (step === SYNC_STEP_2 || step === UPDATE) {
            const update = decoding.readVarUint8Array(decoder);
            Y.applyUpdate(this.doc, update, "server");
            this.onUpdate(update);
          }
        }
      });
    });
    this.#authenticated.catch(() => {});
    this.socket.addEventListener("open", () => {
      this.send(
        frame(documentName, (e) => {
          encoding.writeVarUint(e, AUTH);
          encoding.writeVarUint(e, AUTH_TOKEN);
          encoding.writeVarString(e, token);
        }),
      );
      this.send(
        frame(documentName, (e) => {
          encoding.writeVarUint(e, SYNC);
          encoding.writeVarUint(e, SYNC_STEP_1);
          encoding.writeVarUint8Array(e, Y.encodeStateVector(this.doc));
        }),
      );
    });
  }

  /** Resolves with the connection's mode once the server accepted the token. */
  authenticated(): Promise<"read-write" | "readonly"> {
    return this.#authenticated;
  }

  send(bytes: Uint8Array): void {
    this.socket.send(bytes as Uint8Array<ArrayBuffer>);
  }

  /** Sends a Yjs update as a client edit (the bytes are sent as given, valid or not). */
  sendUpdate(update: Uint8Array): void {
    this.send(
      frame(this.documentName, (e) => {
        encoding.writeVarUint(e, SYNC);
        encoding.writeVarUint(e, UPDATE);
        encoding.writeVarUint8Array(e, update);
      }),
    );
  }

  /** Types into the local document's "content" text and sends the resulting update. */
  type(text: string, at = 0): Uint8Array {
    let sent: Uint8Array = new Uint8Array();
    const capture = (update: Uint8Array, origin: unknown) => {
      if (origin !== "server") sent = update;
    };
    this.doc.on("update", capture);
    this.doc.getText("content").insert(at, text);
    this.doc.off("update", capture);
    this.sendUpdate(sent);
    return sent;
  }

  sendAwareness(update: Uint8Array): void {
    this.send(
      frame(this.documentName, (e) => {
        encoding.writeVarUint(e, AWARENESS);
        encoding.writeVarUint8Array(e, update);
      }),
    );
  }

  close(): void {
    this.socket.close();
  }
}
