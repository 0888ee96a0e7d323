// The reference Yjs server (@y/websocket-server) on a port of its own: the peer the docs
// benchmark compares Tandem with. Keeps documents in memory only, as it does by default.
import http from "node:http";
import { setupWSConnection } from "@y/websocket-server/utils";
import { WebSocketServer } from "ws";

const wss = new WebSocketServer({ noServer: true });
wss.on("connection", (socket, request) => setupWSConnection(socket, request));
const server = http.createServer((_request, response) => response.end("ok"));
server.on("upgrade", (request, socket, head) =>
  wss.handleUpgrade(request, socket, head, (ws) => wss.emit("connection", ws, request)),
);
server.listen(0, "127.0.0.1", () => {
  process.stdout.write(`listening on ${server.address().port}\n`);
});
process.on("SIGTERM", () => process.exit(0));
