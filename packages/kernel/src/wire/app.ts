import { z } from "zod";

/**
 * A module's web app, as `GET /api/v1/apps` lists it for the switcher and the home page:
 * where its pages start, its name in each interface language and an icon name.
 */
export const AppEntry = z.object({
  id: z.string(),
  path: z.string(),
  name: z.object({ en: z.string(), fr: z.string(), de: z.string() }),
  icon: z.string(),
});
export type AppEntry = z.infer<typeof AppEntry>;
/** `GET /api/v1/apps`: the apps of this deployment, in the server's module order. */
export const AppList = z.object({ apps: z.array(AppEntry) });
export type AppList = z.infer<typeof AppList>;
