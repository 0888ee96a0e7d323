import type { Authenticator } from "@tandem/accounts";
import type { RestApi } from "@tandem/kernel";
import type { DocumentAccess } from "../permissions/DocumentAccess.js";
import type { VersionService } from "../versions/VersionService.js";
import type { VersionInfo } from "../versions/VersionStore.js";
import {
  Diff,
  DiffQuery,
  DocumentParams,
  NameVersion,
  Version,
  VersionContent,
  VersionList,
  VersionParams,
} from "../wire/index.js";
import { member, memberOrVisitor } from "./requester.js";

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
  api: RestApi,
  deps: { auth: Authenticator; access: DocumentAccess; versions: VersionService },
) {
  const base = "/documents/:id/versions";
  const editor = member(deps);
  const reader = memberOrVisitor(deps);

  api.route({
    method: "GET",
    path: base,
    summary: "Versions, newest first",
    who: reader,
    params: DocumentParams,
    responses: { 200: VersionList },
    handler: async ({ who, params }) => ({
      versions: (await deps.versions.list(who, params.id)).map(presentVersion),
    }),
  });

  api.route({
    method: "POST",
    path: base,
    summary: "Name a version of the content as it is now (editors)",
    who: editor,
    params: DocumentParams,
    body: NameVersion,
    responses: { 201: Version },
    handler: async ({ who, params, body }) =>
      presentVersion(await deps.versions.name(who, params.id, body.name)),
  });

  api.route({
    method: "GET",
    path: `${base}/diff`,
    summary: "Lines added and removed (`to` defaults to the content now)",
    who: reader,
    params: DocumentParams,
    query: DiffQuery,
    responses: { 200: Diff },
    handler: async ({ who, params, query }) => ({
      changes: await deps.versions.diff(who, params.id, query.from, query.to),
    }),
  });

  api.route({
    method: "GET",
    path: `${base}/:versionId`,
    summary: "A version to read: its text and its Yjs state (base64)",
    who: reader,
    params: VersionParams,
    responses: { 200: VersionContent },
    handler: async ({ who, params }) => {
      const { version, text } = await deps.versions.open(who, params.id, params.versionId);
      return {
        ...presentVersion(version),
        text,
        state: Buffer.from(version.state).toString("base64"),
      };
    },
  });

  api.route({
    method: "POST",
    path: `${base}/:versionId/restore`,
    summary: "Make a version's content the current one (editors)",
    who: editor,
    params: VersionParams,
    responses: { 204: null },
    handler: async ({ who, params }) => {
      await deps.versions.restore(who, params.id, params.versionId);
      return undefined;
    },
  });
}
