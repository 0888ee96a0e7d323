import type { Authenticator } from "@tandem/accounts";
import { InvalidRequest, type RestApi } from "@tandem/kernel";
import type { FastifyInstance } from "fastify";
import type { ExchangeService } from "../convert/ExchangeService.js";
import type { DocumentAccess } from "../permissions/DocumentAccess.js";
import { DocumentParams, ExportQuery, ImportQuery, ResolvedDocument } from "../wire/index.js";
import { fileOf, readFileBody } from "./fileBody.js";
import { presentResolved } from "./presenters.js";
import { member, memberOrVisitor } from "./requester.js";

export function registerExchangeRoutes(
  api: RestApi,
  http: FastifyInstance,
  deps: {
    auth: Authenticator;
    access: DocumentAccess;
    exchange: ExchangeService;
    maxImportBytes: number;
  },
) {
  /** Converted in a worker: 422 past its time or memory, 429/503 with Retry-After when busy. */
  api.route({
    method: "GET",
    path: "/documents/:id/export",
    summary: "Download as Markdown, HTML, DOCX, ODT or PDF",
    who: memberOrVisitor(deps),
    params: DocumentParams,
    query: ExportQuery,
    responses: { 200: "file" },
    handler: async ({ who, params, query, request, reply }) => {
      // A link visitor's conversions are counted by address, a user's by account.
      const counted = who?.userId ?? `visitor:${request.ip}`;
      const file = await deps.exchange.export(who, params.id, query.format, counted);
      const name = `${file.title.replace(/[^\p{L}\p{N} _-]+/gu, "").trim() || "document"}.${file.extension}`;
      return reply
        .header("content-type", file.type)
        .header("content-disposition", `attachment; filename*=UTF-8''${encodeURIComponent(name)}`)
        .send(file.body);
    },
  });

  // The file comes as the raw body, whatever its type; only this route reads bodies so.
  http.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser("*", readFileBody(deps.maxImportBytes));
    /**
     * 413 past the bounds (bytes, blocks, characters), 422 when nested too deep or past the
     * conversion's time or memory, 429/503 with Retry-After when busy.
     */
    api.route(
      {
        method: "POST",
        path: "/import",
        summary: "Create a document from a Markdown, DOCX or ODT file",
        who: member(deps),
        query: ImportQuery,
        file: true,
        responses: { 201: ResolvedDocument },
        handler: async ({ who, query, request }) => {
          const body = fileOf(request.body, deps.maxImportBytes);
          if (!body || body.length === 0) {
            throw new InvalidRequest("body: send the file as the request body");
          }
          const { format, ...input } = query;
          return presentResolved(await deps.exchange.import(who, format, body, input));
        },
      },
      scope,
    );
  });
}
