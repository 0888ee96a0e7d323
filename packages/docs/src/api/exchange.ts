import type { Authenticator } from "@tandem/accounts";
import { InvalidRequest, parseInput, text, z } from "@tandem/kernel";
import type { FastifyInstance } from "fastify";
import {
  EXPORT_FORMATS,
  type ExchangeService,
  IMPORT_FORMATS,
} from "../convert/ExchangeService.js";
import type { DocumentAccess } from "../permissions/DocumentAccess.js";
import { DOCS_API } from "./documents.js";
import { fileOf, readFileBody } from "./fileBody.js";
import { presentResolved } from "./presenters.js";
import { requesterOf } from "./requester.js";

const Params = z.object({ id: z.string().min(1).max(64) });
export const ExportQuery = z.object({
  format: z.enum(Object.keys(EXPORT_FORMATS) as [keyof typeof EXPORT_FORMATS]),
});
export const ImportQuery = z.object({
  format: z.enum(IMPORT_FORMATS),
  title: text(z.string().max(300)).optional(),
  parentId: z.string().max(64).optional(),
});

export function registerExchangeRoutes(
  http: FastifyInstance,
  deps: {
    auth: Authenticator;
    access: DocumentAccess;
    exchange: ExchangeService;
    maxImportBytes: number;
  },
) {
  /**
   * GET /documents/:id/export?format=markdown|html|docx|odt|pdf — a file to download.
   * Converted in a worker: 422 past its time or memory, 429/503 with Retry-After when busy.
   */
  http.get(`${DOCS_API}/documents/:id/export`, async (request, reply) => {
    const requester = await requesterOf(deps, request, { visitorsWelcome: true });
    const { id } = parseInput(Params, request.params);
    const { format } = parseInput(ExportQuery, request.query);
    // A link visitor's conversions are counted by address, a user's by account.
    const who = requester?.userId ?? `visitor:${request.ip}`;
    const file = await deps.exchange.export(requester, id, format, who);
    const name = `${file.title.replace(/[^\p{L}\p{N} _-]+/gu, "").trim() || "document"}.${file.extension}`;
    return reply
      .header("content-type", file.type)
      .header("content-disposition", `attachment; filename*=UTF-8''${encodeURIComponent(name)}`)
      .send(file.body);
  });

  // The file comes as the raw body, whatever its type; only this route reads bodies so.
  http.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser("*", readFileBody(deps.maxImportBytes));
    /**
     * POST /import?format=markdown|docx|odt[&title=…&parentId=…] — a new document from a file.
     * 413 past the bounds (bytes, blocks, characters), 422 when nested too deep or past the
     * conversion's time or memory, 429/503 with Retry-After when busy.
     */
    scope.post(`${DOCS_API}/import`, async (request, reply) => {
      const requester = await requesterOf(deps, request);
      const query = parseInput(ImportQuery, request.query);
      const body = fileOf(request.body, deps.maxImportBytes);
      if (!body || body.length === 0) {
        throw new InvalidRequest("body: send the file as the request body");
      }
      const { format, ...input } = query;
      return reply
        .status(201)
        .send(presentResolved(await deps.exchange.import(requester, format, body, input)));
    });
  });
}
