import { z } from "zod";

/** What a role allows, by name; the server computes them (permissions/abilities.ts). */
export const ABILITIES = [
  "read",
  "comment",
  "edit",
  /** Create sub-pages, restore versions. */
  "createChild",
  /** Change who has access, the link settings and whether it is a template. */
  "share",
  "move",
  "trash",
  /** Grant or remove the owner role. */
  "manageOwners",
] as const;
export type Ability = (typeof ABILITIES)[number];

export const Abilities = z.object(
  Object.fromEntries(ABILITIES.map((name) => [name, z.boolean()])) as Record<Ability, z.ZodBoolean>,
);
export type Abilities = z.infer<typeof Abilities>;
