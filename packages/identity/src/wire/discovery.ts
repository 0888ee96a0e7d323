import { z } from "zod";

/** GET /api/v1/auth/discover?email= */
export const DiscoverQuery = z.object({
  /** The address the user typed; only its domain matters. */
  email: z
    .string()
    .max(320)
    // No dot required in the domain: the first administrator is admin@localhost by default.
    .regex(/^[^\s@]+@[^\s@]+$/, { message: "is not an e-mail address" }),
});

/**
 * How an e-mail address signs in: a password here, or a redirect to the identity provider
 * its domain is bound to (`url` is a path on this site).
 */
export const Discovery = z.discriminatedUnion("method", [
  z.object({ method: z.literal("password") }),
  z.object({ method: z.literal("redirect"), provider: z.string(), url: z.string() }),
]);
export type Discovery = z.infer<typeof Discovery>;
