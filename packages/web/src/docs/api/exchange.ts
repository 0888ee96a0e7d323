import { DOCS_API, type ExportFormat, type ImportFormat } from "@tandem/docs/wire";
import { ApiError, isObject } from "../../api/client.js";
import { type Doc, docPath, parseDoc } from "./documents.js";

export { EXPORT_FORMATS, type ExportFormat, type ImportFormat } from "@tandem/docs/wire";

/** The file extensions the import accepts, for the file picker. */
export const IMPORT_ACCEPT = ".md,.markdown,.docx,.odt";

export function importFormatOf(fileName: string): ImportFormat | null {
  const extension = fileName.toLowerCase().split(".").pop();
  if (extension === "md" || extension === "markdown") return "markdown";
  if (extension === "docx" || extension === "odt") return extension;
  return null;
}

/** The name in `Content-Disposition: attachment; filename*=UTF-8''…`, or a fallback. */
export function attachmentName(header: string | null, fallback: string): string {
  const encoded = header?.match(/filename\*=UTF-8''([^;]+)/i)?.[1];
  if (encoded) {
    try {
      return decodeURIComponent(encoded);
    } catch {
      // fall through to the plain form
    }
  }
  return header?.match(/filename="?([^";]+)"?/i)?.[1] ?? fallback;
}

async function failure(response: Response): Promise<ApiError> {
  const payload: unknown = await response.json().catch(() => undefined);
  const message =
    isObject(payload) && typeof payload.message === "string"
      ? payload.message
      : response.statusText;
  const code =
    isObject(payload) && typeof payload.error === "string" ? payload.error : "http_error";
  return new ApiError(response.status, code, message);
}

async function send(path: string, init: RequestInit): Promise<Response> {
  try {
    return await fetch(path, { credentials: "same-origin", ...init });
  } catch (cause) {
    throw new ApiError(0, "network_error", cause instanceof Error ? cause.message : String(cause));
  }
}

/** GET …/export: the converted file and the name the server gives it. */
export async function exportDocument(
  id: string,
  format: ExportFormat,
): Promise<{ blob: Blob; name: string }> {
  const response = await send(`${docPath(id)}/export?format=${format}`, { method: "GET" });
  if (!response.ok) throw await failure(response);
  const name = attachmentName(response.headers.get("content-disposition"), `document.${format}`);
  return { blob: await response.blob(), name };
}

/** Hands a file to the browser as a download. */
export function saveFile(blob: Blob, name: string) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  link.style.display = "none";
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** POST /import with the file as the body: a new document. */
export async function importDocument(
  file: Blob,
  format: ImportFormat,
  parentId?: string,
): Promise<Doc> {
  const query = new URLSearchParams({ format });
  if (parentId) query.set("parentId", parentId);
  const response = await send(`${DOCS_API}/import?${query}`, {
    method: "POST",
    headers: { Accept: "application/json", "Content-Type": "application/octet-stream" },
    body: file,
  });
  if (!response.ok) throw await failure(response);
  return parseDoc(await response.json());
}
