import { HocuspocusProviderWebsocket } from "@hocuspocus/provider";
import { describe, expect, it } from "vitest";
import { jitterReconnects, RECONNECT_JITTER_MS, randomJitter } from "./reconnect.js";

describe("reconnection jitter", () => {
  it("stays within 0–3 s", () => {
    expect(randomJitter(() => 0)).toBe(0);
    expect(randomJitter(() => 0.999999)).toBeLessThan(RECONNECT_JITTER_MS);
  });

  const closed = { event: { code: 1006 } as CloseEvent };

  it("draws a new initial delay on every disconnect, and stops when released", () => {
    const socket = new HocuspocusProviderWebsocket({ url: "ws://127.0.0.1:9", autoConnect: false });
    const draws = [0.5, 0.25];
    // emit is protected: the test plays the part of the socket closing.
    const emit = (socket as unknown as { emit: (event: string, data: unknown) => void }).emit.bind(
      socket,
    );
    const release = jitterReconnects(socket, () => draws.shift() ?? 0);
    emit("disconnect", closed);
    expect(socket.configuration.initialDelay).toBe(1500);
    emit("disconnect", closed);
    expect(socket.configuration.initialDelay).toBe(750);
    release();
    emit("disconnect", closed);
    expect(socket.configuration.initialDelay).toBe(750);
    socket.destroy();
  });
});
