import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import type { Hocuspocus } from "@hocuspocus/server";
import type { Authenticator, Credential, UserRow } from "@tandem/accounts";
import { type Logger, readCookie } from "@tandem/kernel";
import type { WebSocket, WebSocketServer } from "ws";
import { CLOSE, type CollabContext } from "./context.js";
import type { HocuspocusHost } from "./HocuspocusHost.js";

export const COLLAB_PATH = "/api/docs/collab";

/**
 * The collaboration endpoint: WebSockets upgraded on Tandem's own HTTP server and handed
 * to Hocuspocus. `ws` enforces the message size limit (an oversized message closes that
 * connection with 1009); a message Hocuspocus cannot read closes that connection only.
 * Both are set up at the first socket (see HocuspocusHost), not at start.
 */
export class CollabServer {
  readonly hocuspocus: HocuspocusHost<CollabContext>;
  readonly #auth: Authenticator;
  readonly #origin: string;
  readonly #logger: Logger;
  readonly #maxMessageBytes: number;
  #started: Promise<{ wss: WebSocketServer; hocuspocus: Hocuspocus<CollabContext> }> | undefined;

  constructor(deps: {
    hocuspocus: HocuspocusHost<CollabContext>;
    auth: Authenticator;
    publicUrl: string;
    maxMessageBytes: number;
    logger: Logger;
  }) {
    this.hocuspocus = deps.hocuspocus;
    this.#auth = deps.auth;
    this.#origin = new URL(deps.publicUrl).origin;
    this.#logger = deps.logger;
    this.#maxMessageBytes = deps.maxMessageBytes;
  }

  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void {
    // Node's HTTP server has let go of the socket: until ws takes it, an error on it (the
    // client leaving while the first socket waits for the start) must not go unhandled.
    const dropped = () => socket.destroy();
    socket.on("error", dropped);
    this.#start().then(
      ({ wss, hocuspocus }) => {
        socket.off("error", dropped);
        wss.handleUpgrade(request, socket, head, (ws) => this.#connect(hocuspocus, ws, request));
      },
      (error: unknown) => {
        this.#logger.error({ err: error }, "the collaboration server could not start");
        socket.destroy();
      },
    );
  }

  async close(): Promise<void> {
    this.hocuspocus.closeConnections();
    const started = await this.#started?.catch(() => undefined);
    if (!started) return;
    for (const client of started.wss.clients) client.terminate();
    await new Promise<void>((resolve) => started.wss.close(() => resolve()));
  }

  #start() {
    this.#started ??= Promise.all([import("ws"), this.hocuspocus.start()]).then(
      ([{ WebSocketServer }, hocuspocus]) => ({
        wss: new WebSocketServer({ noServer: true, maxPayload: this.#maxMessageBytes }),
        hocuspocus,
      }),
    );
    this.#started.catch(() => {
      this.#started = undefined;
    });
    return this.#started;
  }

  #connect(hocuspocus: Hocuspocus<CollabContext>, ws: WebSocket, incoming: IncomingMessage): void {
    const headers = new Headers();
    for (const [name, value] of Object.entries(incoming.headers)) {
      if (typeof value === "string") headers.set(name, value);
      else if (Array.isArray(value)) headers.set(name, value.join(", "));
    }
    const request = new Request(`${this.#origin}${incoming.url ?? "/"}`, { headers });
    // Listeners are attached before any await, so no early message is lost.
    const connection = hocuspocus.handleConnection(ws, request, {
      cookieSession: this.#cookieSession(incoming),
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
  async #cookieSession(
    incoming: IncomingMessage,
  ): Promise<{ user: UserRow; credential: Credential } | null> {
    const origin = incoming.headers.origin;
    if (origin && origin !== this.#origin) return null;
    const secret = readCookie(incoming.headers.cookie, this.#auth.cookieName);
    if (!secret) return null;
    return (await this.#auth.session(secret)) ?? null;
  }
}

function toBytes(data: Buffer | ArrayBuffer | Buffer[]): Uint8Array {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data));
  return data instanceof ArrayBuffer ? new Uint8Array(data) : new Uint8Array(data);
}
