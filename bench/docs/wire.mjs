// The collaboration protocols spoken by the benchmark's lean clients: Hocuspocus (Tandem)
// frames every message with the document's name and starts with a token; y-websocket (the
// reference server) sends bare y-protocols messages. Updates are measured, never applied.
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import * as Y from "yjs";

const SYNC = 0;
const AUTH = 2;
const SYNC_STEP_1 = 0;
const SYNC_STEP_2 = 1;
const UPDATE = 2;

export function frame(protocol, documentName, write) {
  const encoder = encoding.createEncoder();
  if (protocol === "hocuspocus") encoding.writeVarString(encoder, documentName);
  write(encoder);
  return encoding.toUint8Array(encoder);
}

export class LeanEditor {
  /** @param onChange called with (update) for every document update the server sends. */
  constructor({ url, protocol, documentName, token, onChange, onReady }) {
    this.protocol = protocol;
    this.documentName = documentName;
    this.doc = new Y.Doc();
    this.text = this.doc.getText("content");
    this.pending = undefined;
    this.doc.on("update", (update) => {
      this.pending = update;
    });
    this.socket = new WebSocket(url);
    this.socket.binaryType = "arraybuffer";
    this.socket.addEventListener("open", () => {
      if (protocol === "hocuspocus") {
        this.#send((e) => {
          encoding.writeVarUint(e, AUTH);
          encoding.writeVarUint(e, 0);
          encoding.writeVarString(e, token);
        });
      }
      this.#send((e) => {
        encoding.writeVarUint(e, SYNC);
        encoding.writeVarUint(e, SYNC_STEP_1);
        encoding.writeVarUint8Array(e, Y.encodeStateVector(new Y.Doc()));
      });
    });
    this.socket.addEventListener("message", (event) => {
      const decoder = decoding.createDecoder(new Uint8Array(event.data));
      if (protocol === "hocuspocus") decoding.readVarString(decoder);
      if (decoding.readVarUint(decoder) !== SYNC) return;
      const step = decoding.readVarUint(decoder);
      if (step === SYNC_STEP_2) onReady?.(decoding.readVarUint8Array(decoder));
      else if (step === UPDATE) onChange(decoding.readVarUint8Array(decoder));
    });
    this.closed = new Promise((resolve) => this.socket.addEventListener("close", resolve));
  }

  /** Types characters at the start of this editor's own text; returns the edit's Yjs id. */
  type(characters) {
    const clock = Y.getState(this.doc.store, this.doc.clientID);
    this.text.insert(0, characters);
    const update = this.pending;
    this.#send((e) => {
      encoding.writeVarUint(e, SYNC);
      encoding.writeVarUint(e, UPDATE);
      encoding.writeVarUint8Array(e, update);
    });
    return { client: this.doc.clientID, clock };
  }

  sendUpdate(update) {
    this.#send((e) => {
      encoding.writeVarUint(e, SYNC);
      encoding.writeVarUint(e, UPDATE);
      encoding.writeVarUint8Array(e, update);
    });
  }

  close() {
    this.socket.close();
  }

  #send(write) {
    if (this.socket.readyState === WebSocket.OPEN) {
      this.socket.send(frame(this.protocol, this.documentName, write));
    }
  }
}
