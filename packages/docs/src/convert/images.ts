import { imageSize } from "image-size";

export interface EmbeddedImage {
  bytes: Uint8Array;
  mime: "image/png" | "image/jpeg" | "image/gif";
  extension: "png" | "jpg" | "gif";
  /** In pixels; exports scale it to the page. */
  width: number;
  height: number;
}

const TYPES = {
  "image/png": "png",
  "image/jpeg": "jpg",
  "image/gif": "gif",
} as const;

/**
 * The bytes of an image a document carries inline (a data: URL, as imported files bring
 * them). Images elsewhere are linked, never fetched: an export must not make the server
 * request addresses a document names.
 */
export function embeddedImage(url: string): EmbeddedImage | undefined {
  const match = /^data:(image\/(?:png|jpeg|gif));base64,([A-Za-z0-9+/=\s]+)$/.exec(url);
  if (!match?.[1] || !match[2]) return undefined;
  const mime = match[1] as keyof typeof TYPES;
  const bytes = Buffer.from(match[2], "base64");
  try {
    const size = imageSize(bytes);
    if (!size.width || !size.height) return undefined;
    return { bytes, mime, extension: TYPES[mime], width: size.width, height: size.height };
  } catch {
    return undefined;
  }
}

/** The size to show an image at: its own, shrunk to fit a page's text width. */
export function fitted(image: EmbeddedImage, maxWidth: number): { width: number; height: number } {
  const scale = Math.min(1, maxWidth / image.width);
  return { width: Math.round(image.width * scale), height: Math.round(image.height * scale) };
}

export function dataUrl(mime: string, bytes: Uint8Array): string {
  return `data:${mime};base64,${Buffer.from(bytes).toString("base64")}`;
}

export function mimeOf(path: string): string | undefined {
  const extension = path.split(".").pop()?.toLowerCase();
  return extension === "png"
    ? "image/png"
    : extension === "jpg" || extension === "jpeg"
      ? "image/jpeg"
      : extension === "gif"
        ? "image/gif"
        : undefined;
}
