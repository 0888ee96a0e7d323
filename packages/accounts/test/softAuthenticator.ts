import { createHash, generateKeyPairSync, type KeyObject, randomBytes, sign } from "node:crypto";
import { type CBORType, encodeCBOR } from "@levischuck/tiny-cbor";

const UP = 0x01;
const UV = 0x04;
const AT = 0x40;

const sha256 = (data: Uint8Array | string) => createHash("sha256").update(data).digest();
const b64url = (data: Uint8Array) => Buffer.from(data).toString("base64url");

interface Credential {
  id: Buffer;
  privateKey: KeyObject;
  cose: Uint8Array;
  userHandle: string;
  counter: number;
}

/** What the browser serialises from `navigator.credentials.*`, as the server expects it. */
export interface CeremonyOptions {
  challenge: string;
  rp?: { id?: string };
  rpId?: string;
  user?: { id: string };
}

/**
 * A software WebAuthn authenticator ("none" attestation, ES256 keys), standing in for a
 * browser and its security key: it builds the same bytes, signed with real P-256 keys,
 * so the server's checks run unchanged. `origin` is what a browser would put in client data.
 */
export class SoftAuthenticator {
  readonly credentials: Credential[] = [];

  constructor(
    public origin: string,
    public rpId = new URL(origin).hostname,
  ) {}

  /** `navigator.credentials.create(options)`: a new key pair for this user. */
  create(options: CeremonyOptions, overrides: { challenge?: string; origin?: string } = {}) {
    const { privateKey, publicKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
    const jwk = publicKey.export({ format: "jwk" });
    const cose = encodeCBOR(
      new Map<number, CBORType>([
        [1, 2],
        [3, -7],
        [-1, 1],
        [-2, new Uint8Array(Buffer.from(jwk.x ?? "", "base64url"))],
        [-3, new Uint8Array(Buffer.from(jwk.y ?? "", "base64url"))],
      ]),
    );
    const id = randomBytes(32);
    const credential = { id, privateKey, cose, userHandle: options.user?.id ?? "", counter: 0 };
    this.credentials.push(credential);
    const idLength = Buffer.alloc(2);
    idLength.writeUInt16BE(id.length);
    const authData = Buffer.concat([
      sha256(options.rp?.id ?? this.rpId),
      Buffer.from([UP | UV | AT]),
      Buffer.alloc(4),
      Buffer.alloc(16),
      idLength,
      id,
      cose,
    ]);
    const attestationObject = encodeCBOR(
      new Map<string, CBORType>([
        ["fmt", "none"],
        ["attStmt", new Map<string, CBORType>()],
        ["authData", new Uint8Array(authData)],
      ]),
    );
    return {
      id: b64url(id),
      rawId: b64url(id),
      type: "public-key" as const,
      response: {
        clientDataJSON: this.#clientData("webauthn.create", options.challenge, overrides),
        attestationObject: b64url(attestationObject),
        transports: ["internal"],
      },
      clientExtensionResults: {},
      authenticatorAttachment: "platform" as const,
    };
  }

  /**
   * `navigator.credentials.get(options)` with the given (or the newest) credential; the
   * counter rises with each signature, as a hardware key's does.
   */
  get(
    options: CeremonyOptions,
    overrides: { challenge?: string; origin?: string; credential?: Credential } = {},
  ) {
    const credential = overrides.credential ?? this.credentials.at(-1);
    if (!credential) throw new Error("no credential made yet");
    credential.counter += 1;
    const counter = Buffer.alloc(4);
    counter.writeUInt32BE(credential.counter);
    const authData = Buffer.concat([
      sha256(options.rpId ?? this.rpId),
      Buffer.from([UP | UV]),
      counter,
    ]);
    const clientDataJSON = this.#clientData("webauthn.get", options.challenge, overrides);
    const signed = Buffer.concat([authData, sha256(Buffer.from(clientDataJSON, "base64url"))]);
    return {
      id: b64url(credential.id),
      rawId: b64url(credential.id),
      type: "public-key" as const,
      response: {
        clientDataJSON,
        authenticatorData: b64url(authData),
        signature: b64url(sign("sha256", signed, credential.privateKey)),
        userHandle: credential.userHandle || undefined,
      },
      clientExtensionResults: {},
      authenticatorAttachment: "platform" as const,
    };
  }

  #clientData(type: string, challenge: string, overrides: { challenge?: string; origin?: string }) {
    const data = {
      type,
      challenge: overrides.challenge ?? challenge,
      origin: overrides.origin ?? this.origin,
      crossOrigin: false,
    };
    return b64url(Buffer.from(JSON.stringify(data)));
  }
}
