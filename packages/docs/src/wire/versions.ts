import { text } from "@tandem/kernel/wire";
import { z } from "zod";
import { DocumentParams, Id } from "./documents.js";

export const VersionParams = DocumentParams.extend({ versionId: Id });
/** POST /documents/:id/versions */
export const NameVersion = z.object({ name: text(z.string().trim().min(1).max(200)) }).strict();
/** GET /documents/:id/versions/diff?from=…&to=… (`to` defaults to the content now). */
export const DiffQuery = z.object({
  from: z.string().min(1).max(64),
  to: z.string().min(1).max(64).default("current"),
});

export const Version = z.object({
  id: z.string(),
  /** Null for the automatic versions the server takes while people edit. */
  name: z.string().nullable(),
  automatic: z.boolean(),
  createdBy: z.string().nullable(),
  createdAt: z.number(),
});
export type Version = z.infer<typeof Version>;
export const VersionList = z.object({ versions: z.array(Version) });
/** A version to read: its text and its Yjs state, base64. */
export const VersionContent = Version.extend({
  text: z.string(),
  state: z.string().describe("The Yjs state, base64"),
});

export const Change = z.object({
  change: z.enum(["added", "removed", "same"]),
  text: z.string(),
});
export type Change = z.infer<typeof Change>;
export const Diff = z.object({ changes: z.array(Change) });
