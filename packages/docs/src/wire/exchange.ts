import { text } from "@tandem/kernel/wire";
import { z } from "zod";
import { EXPORT_FORMATS, IMPORT_FORMATS } from "./enums.js";

/** GET /documents/:id/export?format=… */
export const ExportQuery = z.object({ format: z.enum(EXPORT_FORMATS) });
/** POST /import?format=…[&title=…&parentId=…], the file as the body. */
export const ImportQuery = z.object({
  format: z.enum(IMPORT_FORMATS),
  title: text(z.string().max(300)).optional(),
  parentId: z.string().max(64).optional(),
});
