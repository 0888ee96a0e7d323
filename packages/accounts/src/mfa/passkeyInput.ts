import type { AuthenticationResponseJSON, RegistrationResponseJSON } from "@simplewebauthn/server";
import { z } from "zod";

const base64url = z
  .string()
  .max(65_536)
  .regex(/^[A-Za-z0-9_-]*={0,2}$/, "must be base64url");

/** What `navigator.credentials.create` answered, as @simplewebauthn/browser serialises it. */
export const RegistrationCredential = z.object({
  id: base64url.min(1).max(1024),
  rawId: base64url.min(1).max(1024),
  type: z.literal("public-key"),
  response: z.looseObject({
    clientDataJSON: base64url.min(1),
    attestationObject: base64url.min(1),
    transports: z.array(z.string().max(32)).max(10).optional(),
  }),
  clientExtensionResults: z.record(z.string(), z.unknown()).default({}),
  authenticatorAttachment: z.enum(["platform", "cross-platform"]).optional(),
});

/** What `navigator.credentials.get` answered, serialised the same way. */
export const AuthenticationCredential = z.object({
  id: base64url.min(1).max(1024),
  rawId: base64url.min(1).max(1024),
  type: z.literal("public-key"),
  response: z.looseObject({
    clientDataJSON: base64url.min(1),
    authenticatorData: base64url.min(1),
    signature: base64url.min(1),
    userHandle: base64url.optional(),
  }),
  clientExtensionResults: z.record(z.string(), z.unknown()).default({}),
  authenticatorAttachment: z.enum(["platform", "cross-platform"]).optional(),
});

/** A passkey's name: what its owner calls the device it lives on. */
export const PasskeyName = z.string().trim().min(1).max(100);

// The schemas check shape and size; the library checks every byte of what they let through.
export const asRegistration = (value: z.output<typeof RegistrationCredential>) =>
  value as unknown as RegistrationResponseJSON;
export const asAuthentication = (value: z.output<typeof AuthenticationCredential>) =>
  value as unknown as AuthenticationResponseJSON;
