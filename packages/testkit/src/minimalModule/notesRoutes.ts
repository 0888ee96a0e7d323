import type { AuditLog, Principal } from "@tandem/accounts";
import { type ModuleClaims, RestApi } from "@tandem/kernel";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { z } from "zod";
import type { NotesStore } from "./notesStore.js";

export const NOTES_API = "/api/notes/v1";

/** A note as the API answers it. */
const NoteWire = z.object({
  id: z.string(),
  text: z.string(),
  /** Milliseconds since the epoch. */
  createdAt: z.number(),
});

const NewNote = z.object({
  /** The note's text, one to 500 characters. */
  text: z.string().trim().min(1).max(500),
});

export function createNotesApi(http: FastifyInstance, claims: ModuleClaims): RestApi {
  return new RestApi(http, { base: NOTES_API, title: "Tandem Notes API", claims });
}

export interface NotesRouteDeps {
  /** Who asks: a session, or a token with the `notes` scope (auth.scoped("notes")). */
  who: (request: FastifyRequest) => Promise<Principal>;
  store: NotesStore;
  audit: AuditLog;
}

/** The notes routes, declared on the module's RestApi (thin: the store does the work). */
export function declareNotesRoutes(api: RestApi, deps: NotesRouteDeps): void {
  /** GET /api/notes/v1/notes — the caller's notes, oldest first. */
  api.route({
    method: "GET",
    path: "/notes",
    summary: "List my notes",
    who: deps.who,
    responses: { 200: z.object({ notes: z.array(NoteWire) }) },
    handler: async ({ who }) => ({ notes: await deps.store.listOf(who.user.id) }),
  });

  /** POST /api/notes/v1/notes — writes a note, recorded in the audit log. */
  api.route({
    method: "POST",
    path: "/notes",
    summary: "Write a note",
    who: deps.who,
    body: NewNote,
    responses: { 201: NoteWire },
    handler: async ({ who, body, request }) => {
      const note = await deps.store.add(who.user.id, body.text);
      await deps.audit.record({
        action: "note_created",
        outcome: "success",
        actor: { id: who.user.id, email: who.user.email },
        subject: note.id,
        ip: request.ip,
      });
      return note;
    },
  });
}
