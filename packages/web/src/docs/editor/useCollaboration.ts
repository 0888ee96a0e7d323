import {
  HocuspocusProvider,
  HocuspocusProviderWebsocket,
  WebSocketStatus,
} from "@hocuspocus/provider";
import { useEffect, useState } from "react";
import { IndexeddbPersistence } from "y-indexeddb";
import * as Y from "yjs";
import { jitterReconnects, randomJitter, retryOptions } from "./reconnect";

export const COLLAB_PATH = "/api/docs/collab";

export type ConnectionState = "connecting" | "online" | "offline" | "denied";

export interface Collaboration {
  doc: Y.Doc;
  provider: HocuspocusProvider;
  /** The browser's copy has been read back, so offline edits are in `doc`. */
  localReady: boolean;
  connection: ConnectionState;
  /** The server has the browser's state and the browser has the server's. */
  synced: boolean;
  /** Local changes the server has not acknowledged yet. */
  unsynced: number;
}

function collabUrl(): string {
  const scheme = window.location.protocol === "https:" ? "wss" : "ws";
  return `${scheme}://${window.location.host}${COLLAB_PATH}`;
}

/**
 * One document's Yjs state, kept in the browser (IndexedDB) and synchronised with the server.
 * Edits made offline stay in IndexedDB across reloads and reach the server on reconnection,
 * where Yjs merges them. The local copy is per account, so a shared computer does not show
 * one person's drafts to the next.
 */
export function useCollaboration(documentId: string, userId: string): Collaboration | null {
  const [state, setState] = useState<Collaboration | null>(null);

  useEffect(() => {
    const doc = new Y.Doc();
    const local = new IndexeddbPersistence(`tandem-docs:${userId}:${documentId}`, doc);
    const websocketProvider = new HocuspocusProviderWebsocket({
      url: collabUrl(),
      ...retryOptions,
    });
    const releaseJitter = jitterReconnects(websocketProvider);
    // An empty token tells the server to use the browser session (the cookie sent with the upgrade).
    const provider = new HocuspocusProvider({
      name: documentId,
      document: doc,
      token: "",
      websocketProvider,
    });
    let current: Collaboration = {
      doc,
      provider,
      localReady: false,
      connection: "connecting",
      synced: false,
      unsynced: 0,
    };
    const update = (change: Partial<Collaboration>) => {
      current = { ...current, ...change };
      setState(current);
    };
    setState(current);

    void local.whenSynced.then(() => update({ localReady: true }));
    provider.on("status", ({ status }: { status: WebSocketStatus }) => {
      if (current.connection === "denied") return;
      if (status === WebSocketStatus.Connected) update({ connection: "online" });
      else if (status === WebSocketStatus.Connecting) update({ connection: "connecting" });
      else update({ connection: "offline", synced: false });
    });
    provider.on("synced", ({ state: synced }: { state: boolean }) => update({ synced }));
    provider.on("unsyncedChanges", ({ number }: { number: number }) =>
      update({ unsynced: number }),
    );
    provider.on("authenticationFailed", () => update({ connection: "denied", synced: false }));

    // With a socket of its own making the provider attaches itself; with ours it waits to be told.
    provider.attach();

    // A socket can look open for a long while after the network is gone; the browser knows
    // sooner. Back online, the reconnection waits a random moment like any other.
    let comeBack: ReturnType<typeof setTimeout> | undefined;
    const goOffline = () => {
      clearTimeout(comeBack);
      websocketProvider.disconnect();
      update({ connection: "offline", synced: false });
    };
    const goOnline = () => {
      clearTimeout(comeBack);
      comeBack = setTimeout(() => void websocketProvider.connect(), randomJitter());
    };
    window.addEventListener("offline", goOffline);
    window.addEventListener("online", goOnline);

    return () => {
      clearTimeout(comeBack);
      window.removeEventListener("offline", goOffline);
      window.removeEventListener("online", goOnline);
      releaseJitter();
      provider.destroy();
      websocketProvider.destroy();
      void local.destroy();
      doc.destroy();
    };
  }, [documentId, userId]);

  return state;
}
