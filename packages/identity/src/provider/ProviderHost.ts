import type { Logger } from "@tandem/kernel";
import type Provider from "oidc-provider";
import type { KeyStore } from "./KeyStore.js";

/**
 * Holds the running provider and replaces it when the signing keys change
 * (`tandem keys rotate` from the CLI or another instance): oidc-provider reads its
 * keys once, at construction. All state lives in the database, so a new instance
 * takes over mid-flow without anyone noticing.
 */
type Handler = ReturnType<Provider["callback"]>;

export class ProviderHost {
  #current: Provider;
  #handler: Handler;
  #version: string;

  constructor(
    initial: Provider,
    version: string,
    private readonly rebuild: () => Promise<Provider>,
    private readonly keys: KeyStore,
    private readonly log: Logger,
  ) {
    this.#current = initial;
    this.#handler = initial.callback();
    this.#version = version;
  }

  get current(): Provider {
    return this.#current;
  }

  /** The provider as a Node request handler, built once per provider. */
  get handler(): Handler {
    return this.#handler;
  }

  /**
   * Rebuilds the provider when the key set changed; cheap otherwise (one indexed query).
   * Identity's `identity.signing-keys-reload` job calls it every 15 s on each instance.
   */
  async refresh(): Promise<boolean> {
    const version = await this.keys.version();
    if (version === this.#version) return false;
    this.#current = await this.rebuild();
    this.#handler = this.#current.callback();
    this.#version = version;
    this.log.info({ keys: version }, "signing keys changed; provider reloaded");
    return true;
  }
}
