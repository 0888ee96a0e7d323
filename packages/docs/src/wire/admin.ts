import { z } from "zod";

export const OrphanParams = z.object({ id: z.string().uuid() });
/** POST /admin/orphans/:id/recover */
export const RecoverOrphan = z
  .object({
    /** The account that becomes the owner; the administrator asking when left out. */
    email: z.string().min(1).max(320).optional(),
  })
  .strict();

/** A root document without an owner who can act. */
export const Orphan = z.object({
  id: z.string(),
  title: z.string(),
  creatorId: z.string(),
  createdAt: z.number(),
  updatedAt: z.number(),
  deletedAt: z.number().nullable(),
});
export type Orphan = z.infer<typeof Orphan>;
export const OrphanList = z.object({ documents: z.array(Orphan) });
export const Recovered = z.object({
  id: z.string(),
  owner: z.object({ id: z.string(), email: z.string() }),
});
