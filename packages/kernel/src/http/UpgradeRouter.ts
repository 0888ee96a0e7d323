import type { IncomingMessage, Server } from "node:http";
import type { Duplex } from "node:stream";
import type { ModuleClaims } from "../module/paths.js";
import { urlHasNul } from "./nulGuard.js";

export type UpgradeHandler = (request: IncomingMessage, socket: Duplex, head: Buffer) => void;

/**
 * WebSocket upgrades by path (docs' collaboration socket, later chat's): one listener on
 * the HTTP server, so an upgrade nobody claims is answered 404 instead of left hanging,
 * and one with a NUL in its URL 400, as every other request (see nulGuard).
 */
export class UpgradeRouter {
  readonly #routes = new Map<string, UpgradeHandler>();

  route(path: string, handler: UpgradeHandler): void {
    if (this.#routes.has(path)) throw new Error(`an upgrade handler for ${path} exists`);
    this.#routes.set(path, handler);
  }

  /** What a module registers through: it refuses a path the module did not declare. */
  for(claims: ModuleClaims): Pick<UpgradeRouter, "route"> {
    return {
      route: (path, handler) => {
        claims.require("upgrades", path);
        this.route(path, handler);
      },
    };
  }

  attach(server: Server): void {
    server.on("upgrade", (request: IncomingMessage, socket: Duplex, head: Buffer) => {
      if (urlHasNul(request.url ?? "")) {
        socket.end("HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n");
        return;
      }
      const path = (request.url ?? "/").split("?")[0] ?? "/";
      const handler = this.#routes.get(path);
      if (handler) return handler(request, socket, head);
      socket.end("HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n");
    });
  }
}
