import { HocuspocusProvider, HocuspocusProviderWebsocket } from "@hocuspocus/provider";
import type { UserRow } from "@tandem/accounts";
import { COLLAB_PATH } from "@tandem/docs";
import { ApiClient, buildUser, eventually, type TestServer } from "@tandem/testkit";
import { WebSocket } from "ws";
import * as Y from "yjs";

export interface DocsUser {
  user: UserRow;
  token: string;
  api: ApiClient;
}

/** A new account with a personal access token for the REST API and the socket. */
export async function docsUser(server: Pick<TestServer, "url" | "tandem">): Promise<DocsUser> {
  const { user } = await buildUser(server.tandem);
  const { token } = await server.tandem.access.createToken(user, {
    expiresAt: null,
    scopes: ["api"],
  });
  return { user, token, api: new ApiClient(server.url, { bearer: token }) };
}

export async function createDocument(owner: DocsUser, body: Record<string, unknown> = {}) {
  const response = await owner.api.request("POST", "/api/docs/v1/documents", body);
  if (response.status !== 201) throw new Error(`create failed: ${response.text}`);
  return response.json as { id: string };
}

export interface Editor {
  provider: HocuspocusProvider;
  doc: Y.Doc;
  text: Y.Text;
  /** Why the server refused or closed, if it did. */
  refusal: { reason?: string; closed?: number };
}

/**
 * A real HocuspocusProvider on the document, resolved once it has synced (or was refused).
 * With `cookie` (and an empty token) it signs in with a browser session, as the web app does.
 */
export async function openEditor(
  url: string,
  documentId: string,
  token: string,
  options: { expectRefusal?: boolean; cookie?: string } = {},
): Promise<Editor> {
  const doc = new Y.Doc();
  const refusal: Editor["refusal"] = {};
  const address = `${url.replace(/^http/, "ws")}${COLLAB_PATH}`;
  const provider = new HocuspocusProvider({
    ...(options.cookie
      ? { websocketProvider: browserSocket(address, url, options.cookie) }
      : { url: address }),
    name: documentId,
    token,
    document: doc,
    onAuthenticationFailed: ({ reason }) => {
      refusal.reason = reason;
    },
    onClose: ({ event }) => {
      refusal.closed = event.code;
    },
  });
  if (options.cookie) {
    // A socket handed in is the caller's: this one goes with its provider (which then hears
    // of the socket's destroy in turn, hence once).
    const socket = provider.configuration.websocketProvider;
    let gone = false;
    provider.on("destroy", () => {
      if (gone) return;
      gone = true;
      socket.destroy();
    });
    provider.attach();
  }
  await eventually(() => {
    if (options.expectRefusal ? !refusal.reason : !provider.isSynced) throw new Error("not yet");
  });
  return { provider, doc, text: doc.getText("content"), refusal };
}

/** A socket that sends the session cookie from Tandem's own origin, as a browser would. */
function browserSocket(address: string, origin: string, cookie: string) {
  class BrowserWebSocket extends WebSocket {
    constructor(target: string) {
      super(target, { headers: { cookie, origin } });
    }
  }
  return new HocuspocusProviderWebsocket({ url: address, WebSocketPolyfill: BrowserWebSocket });
}

/** Resolves once the server acknowledged every update this editor sent. */
export async function settled(editor: Editor): Promise<void> {
  await eventually(() => {
    if (editor.provider.hasUnsyncedChanges) throw new Error("unsynced changes");
  });
}
