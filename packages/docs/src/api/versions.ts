import type { Authenticator } from "@tandem/accounts";
import { parseInput, text, z } from "@tandem/kernel";
import type { FastifyInstance } from "fastify";
import type { DocumentAccess } from "../permissions/DocumentAccess.js";
import type { VersionService } from "../versions/VersionService.js";
import type { VersionInfo } from "../versions/VersionStore.js";
import { DOCS_API } from "./documents.js";
import { requesterOf } from "./requester.js";

const Params = z.object({ id: z.string().min(1).max(64) });
const VersionParams = Params.extend({ versionId: z.string().min(1).max(64) });
export const Named = z.object({ name: text(z.string().trim().min(1).max(200)) }).strict();
export const Diff = z.object({
  from: z.string().min(1).max(64),
  to: z.string().min(1).max(64).default("current"),
});

function presentVersion(version: VersionInfo) {
  return {
    id: version.id,
    name: version.name,
    automatic: version.name === null,
    createdBy: version.created_by,
    createdAt: version.created_at,
  };
}

export function registerVersionRoutes(
  http: FastifyInstance,
  deps: { auth: Authenticator; access: DocumentAccess; versions: VersionService },
) {
  const base = `${DOCS_API}/documents/:id/versions`;

  http.get(base, async (request) => {
    const requester = await requesterOf(deps, request, { visitorsWelcome: true });
    const { id } = parseInput(Params, request.params);
    return { versions: (await deps.versions.list(requester, id)).map(presentVersion) };
  });

  /** POST …/versions — a named version of the content as it is now (editors). */
  http.post(base, async (request, reply) => {
    const requester = await requesterOf(deps, request);
    const { id } = parseInput(Params, request.params);
    const { name } = parseInput(Named, request.body);
    return reply.status(201).send(presentVersion(await deps.versions.name(requester, id, name)));
  });

  /** GET …/versions/diff?from=…&to=… — lines added and removed (`to` defaults to now). */
  http.get(`${base}/diff`, async (request) => {
    const requester = await requesterOf(deps, request, { visitorsWelcome: true });
    const { id } = parseInput(Params, request.params);
    const { from, to } = parseInput(Diff, request.query);
    return { changes: await deps.versions.diff(requester, id, from, to) };
  });

  /** GET …/versions/:versionId — a version to read: its text and its Yjs state (base64). */
  http.get(`${base}/:versionId`, async (request) => {
    const requester = await requesterOf(deps, request, { visitorsWelcome: true });
    const { id, versionId } = parseInput(VersionParams, request.params);
    const { version, text } = await deps.versions.open(requester, id, versionId);
    return {
      ...presentVersion(version),
      text,
      state: Buffer.from(version.state).toString("base64"),
    };
  });

  /** POST …/versions/:versionId/restore — its content becomes the current one (editors; 204). */
  http.post(`${base}/:versionId/restore`, async (request, reply) => {
    const requester = await requesterOf(deps, request);
    const { id, versionId } = parseInput(VersionParams, request.params);
    await deps.versions.restore(requester, id, versionId);
    return reply.status(204).send();
  });
}
