import { randomBytes } from "node:crypto";
import type {} from "@fastify/cookie";
import type { FastifyReply, FastifyRequest } from "fastify";
import { KNOWN_DEVICE_MS } from "../accounts/LoginThrottle.js";

/**
 * The known-device cookie: a random id a browser keeps after a successful sign-in, so a
 * sign-in from it is not blocked by failures from elsewhere (LoginThrottle). 256 random
 * bits cannot be guessed and only their digest is stored, so the id needs no signature;
 * it is HttpOnly and names no account (one browser may be known to several).
 */
export class DeviceCookie {
  readonly #name: string;
  readonly #secure: boolean;

  constructor(options: { secure: boolean }) {
    this.#secure = options.secure;
    // __Host- binds the cookie to this exact host and path, over https only.
    this.#name = options.secure ? "__Host-tandem_device" : "tandem_device";
  }

  /** The browser's id, or a new one to hand it if the sign-in succeeds. */
  idOf(request: FastifyRequest): string {
    const sent = request.cookies[this.#name];
    if (sent && /^[A-Za-z0-9_-]{43}$/.test(sent)) return sent;
    return randomBytes(32).toString("base64url");
  }

  /** Sets (or renews) the cookie for as long as the throttle remembers the device. */
  set(reply: FastifyReply, id: string): void {
    reply.setCookie(this.#name, id, {
      path: "/",
      httpOnly: true,
      sameSite: "lax",
      secure: this.#secure,
      maxAge: KNOWN_DEVICE_MS / 1000,
    });
  }
}
