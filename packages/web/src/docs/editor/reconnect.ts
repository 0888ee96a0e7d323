import type { HocuspocusProviderWebsocket } from "@hocuspocus/provider";

/** The fixed part of every reconnection wait. */
export const RECONNECT_BASE_MS = 1000;
/** The random part added to it, as La Suite Docs does: 1 s + 0–3 s. */
export const RECONNECT_JITTER_MS = 3000;

/** The options that make failed attempts back off with jitter, between 1 s and 30 s. */
export const retryOptions = {
  delay: RECONNECT_BASE_MS,
  initialDelay: 0,
  factor: 2,
  minDelay: RECONNECT_BASE_MS,
  maxDelay: 30_000,
  jitter: true,
  maxAttempts: 0,
} as const;

export function randomJitter(random: () => number = Math.random): number {
  return Math.floor(random() * RECONNECT_JITTER_MS);
}

/**
 * The provider's first reconnection after a dropped socket waits a fixed `delay`, with no
 * jitter: after a server restart every browser would come back in the same instant. Each
 * disconnect therefore draws a fresh random `initialDelay`, which that reconnection waits
 * on top of `delay`. Opening the first connection keeps an initial delay of 0.
 */
export function jitterReconnects(
  socket: HocuspocusProviderWebsocket,
  random: () => number = Math.random,
): () => void {
  const onDisconnect = () => {
    socket.configuration.initialDelay = randomJitter(random);
  };
  socket.on("disconnect", onDisconnect);
  return () => socket.off("disconnect", onDisconnect);
}
