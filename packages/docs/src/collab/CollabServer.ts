import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import type { Hocuspocus } from "@hocuspocus/server";
import { type Authenticator, type Logger, readCookie, type UserRow } from "@tandem/kernel";
import { type WebSocket, WebSocketServer } from "ws";
import { CLOSE, type CollabContext } from "./context.js";

export const COLLAB_PATH = "/api/docs/collab";

/**
 * The collaboration endpoint: WebSockets upgraded on Tandem's own HTTP server and handed
 * to Hocuspocus. `ws` enforces the message size limit (an oversized message closes that
 * connection with 1009); a message Hocuspocus cannot read closes that connection only.
 */
export class CollabServer {
  readonly hocuspocus: Hocuspocus<CollabContext>;
  readonly #wss: WebSocketServer;
  readonly #auth: Authenticator;
  readonly #origin: string;
  readonly #logger: Logger;

  constructor(deps: {
    hocuspocus: Hocuspocus<CollabContext>;
    auth: Authenticator;
    publicUrl: string;
    maxMessageBytes: number;
    logger: Logger;
  }) {
    this.hocuspocus = deps.hocuspocus;
    this.#auth = deps.auth;
    this.#origin = new URL(deps.publicUrl).origin;
    this.#logger = deps.logger;
    this.#wss = new WebSocketServer({ noServer: true, maxPayload: deps.maxMessageBytes });
  }

  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void {
    this.#wss.handleUpgrade(request, socket, head, (ws) => this.#connect(ws, request));
  }

  async close(): Promise<void> {
    this.hocuspocus.closeConnections();
    for (const client of this.#wss.clients) client.terminate();
    await new Promise<void>((resolve) => this.#wss.close(() => resolve()));
  }

  #connect(ws: WebSocket, incoming: IncomingMessage): void {
    const headers = new Headers();
    for (const [name, value] of Object.entries(incoming.headers)) {
      if (typeof value === "string") headers.set(name, value);
      else if (Array.isArray(value)) headers.set(name, value.join(", "));
    }
    const request = new Request(`${this.#origin}${incoming.url ?? "/"}`, { headers });
    // Listeners are attached before any await, so no early message is lost.
    const connection = this.hocuspocus.handleConnection(ws, request, {
      cookieUser: this.#cookieUser(incoming),
    } as CollabContext);
    ws.on("message", (data: Buffer | ArrayBuffer | Buffer[]) => {
      try {
        connection.handleMessage(toBytes(data));
      } catch (error) {
        this.#logger.debug({ err: error }, "unreadable collaboration message");
        ws.close(CLOSE.malformed, "malformed message");
      }
    });
    ws.on("close", (code: number, reason: Buffer) =>
      connection.handleClose({ code, reason: reason.toString() }),
    );
    ws.on("error", (error: Error) => {
      this.#logger.debug({ err: error }, "collaboration socket error");
    });
  }

  /**
   * The browser session behind the socket. Browsers send cookies with cross-site WebSocket
   * requests too, so a session counts only when the page asking is Tandem's own.
   */
  async #cookieUser(incoming: IncomingMessage): Promise<UserRow | null> {
    const origin = incoming.headers.origin;
    if (origin && origin !== this.#origin) return null;
    const secret = readCookie(incoming.headers.cookie, this.#auth.cookieName);
    if (!secret) return null;
    return (await this.#auth.sessionUser(secret)) ?? null;
  }
}

function toBytes(data: Buffer | ArrayBuffer | Buffer[]): Uint8Array {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data));
  return data instanceof ArrayBuffer ? new Uint8Array(data) : new Uint8Array(data);
}
