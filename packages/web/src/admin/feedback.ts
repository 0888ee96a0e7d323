import type { TFunction } from "i18next";
import type { NoticeState } from "../account/Notice";
import { ApiError } from "../api/client";

/**
 * A failed admin action, with the server's reason: administrators need to know which field
 * or rule refused it ("a user with e-mail … exists"), and the API's messages say exactly that.
 */
export function failure(t: TFunction, error: unknown): NoticeState {
  const reason =
    error instanceof ApiError && error.message ? error.message : String(error ?? "unknown");
  return { kind: "error", text: t("admin.failed", { reason }) };
}

/** Splits a list typed into a text field, one item per line, comma or space. */
export function splitList(text: string): string[] {
  return text
    .split(/[\s,]+/)
    .map((item) => item.trim())
    .filter(Boolean);
}
