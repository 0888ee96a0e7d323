import { HocuspocusProvider } from "@hocuspocus/provider";
import { COLLAB_PATH } from "@tandem/docs";
import type { UserRow } from "@tandem/kernel";
import { ApiClient, buildUser, eventually, type TestServer } from "@tandem/testkit";
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

/** A real HocuspocusProvider on the document, resolved once it has synced (or was refused). */
export async function openEditor(
  url: string,
  documentId: string,
  token: string,
  options: { expectRefusal?: boolean } = {},
): Promise<Editor> {
  const doc = new Y.Doc();
  const refusal: Editor["refusal"] = {};
  const provider = new HocuspocusProvider({
    url: `${url.replace(/^http/, "ws")}${COLLAB_PATH}`,
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
  await eventually(() => {
    if (options.expectRefusal ? !refusal.reason : !provider.isSynced) throw new Error("not yet");
  });
  return { provider, doc, text: doc.getText("content"), refusal };
}

/** Resolves once the server acknowledged every update this editor sent. */
export async function settled(editor: Editor): Promise<void> {
  await eventually(() => {
    if (editor.provider.hasUnsyncedChanges) throw new Error("unsynced changes");
  });
}
