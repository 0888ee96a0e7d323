import { NotFound } from "@tandem/kernel";
import * as Y from "yjs";
import type { ServerEdits } from "../collab/ServerEdits.js";
import { docOf, plainTextOf, restoreUpdate } from "../content/yjsContent.js";
import type { Requester } from "../permissions/abilities.js";
import type { DocumentAccess } from "../permissions/DocumentAccess.js";
import type { UpdateLog } from "../storage/UpdateLog.js";
import type { VersionInfo, VersionStore } from "./VersionStore.js";

export interface DiffPart {
  change: "added" | "removed" | "same";
  text: string;
}

/** Versions: automatic and named snapshots, read-only views, restore, readable diffs. */
export class VersionService {
  readonly #versions: VersionStore;
  readonly #access: DocumentAccess;
  readonly #log: UpdateLog;
  readonly #edits: ServerEdits;

  constructor(deps: {
    versions: VersionStore;
    access: DocumentAccess;
    log: UpdateLog;
    edits: ServerEdits;
  }) {
    this.#versions = deps.versions;
    this.#access = deps.access;
    this.#log = deps.log;
    this.#edits = deps.edits;
  }

  async list(requester: Requester | null, documentId: string): Promise<VersionInfo[]> {
    await this.#access.require(documentId, requester, "read");
    return this.#versions.list(documentId);
  }

  async name(requester: Requester, documentId: string, name: string): Promise<VersionInfo> {
    await this.#access.require(documentId, requester, "edit");
    const state = await this.#log.stateOf(documentId);
    return this.#versions.add({ documentId, name, state, createdBy: requester.userId });
  }

  /**
   * An automatic snapshot, unless the content is what the latest version holds (several
   * instances may ask for the same document).
   */
  async snapshot(documentId: string): Promise<VersionInfo | undefined> {
    const state = await this.#log.stateOf(documentId);
    const latest = await this.#versions.latest(documentId);
    if (latest && sameContent(latest.state, state)) return undefined;
    if (!latest && Y.encodeStateVectorFromUpdate(state).length <= 1) return undefined;
    return this.#versions.add({ documentId, name: null, state, createdBy: null });
  }

  async open(requester: Requester | null, documentId: string, versionId: string) {
    await this.#access.require(documentId, requester, "read");
    const version = await this.#find(documentId, versionId);
    return { version, text: plainTextOf(version.state) };
  }

  /** Makes the version's content current again, as a new edit everyone merges. */
  async restore(requester: Requester, documentId: string, versionId: string): Promise<void> {
    await this.#access.require(documentId, requester, "edit");
    const version = await this.#find(documentId, versionId);
    const current = await this.#log.stateOf(documentId);
    // Restoring is undoable: what was there before becomes a version itself.
    await this.#versions.add({
      documentId,
      name: null,
      state: current,
      createdBy: requester.userId,
    });
    await this.#edits.apply(documentId, restoreUpdate(current, version.state));
  }

  /** What changed between two versions (or a version and now), line by line. */
  async diff(
    requester: Requester | null,
    documentId: string,
    fromId: string,
    toId: string | "current",
  ): Promise<DiffPart[]> {
    await this.#access.require(documentId, requester, "read");
    const from = await this.#find(documentId, fromId);
    const to =
      toId === "current"
        ? await this.#log.stateOf(documentId)
        : (await this.#find(documentId, toId)).state;
    // Loaded at the first comparison rather than at start.
    const { diffLines } = await import("diff");
    return diffLines(plainTextOf(from.state), plainTextOf(to)).map((part) => ({
      change: part.added ? "added" : part.removed ? "removed" : "same",
      text: part.value,
    }));
  }

  async #find(documentId: string, versionId: string) {
    const version = await this.#versions.byId(documentId, versionId);
    if (!version) throw new NotFound("No such version of this document.");
    return version;
  }
}

/** Same insertions and same deletions (a state vector alone does not see deletions). */
function sameContent(a: Uint8Array, b: Uint8Array): boolean {
  return Y.equalSnapshots(Y.snapshot(docOf(a)), Y.snapshot(docOf(b)));
}
