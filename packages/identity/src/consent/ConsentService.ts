import { Conflict, Forbidden, NotFound } from "@tandem/kernel";
import type Provider from "oidc-provider";
import type { InteractionResults } from "oidc-provider";
import type { ProviderHost } from "../provider/ProviderHost.js";
import { type ConsentScope, knownScopes } from "./scopes.js";

type Interaction = InstanceType<Provider["Interaction"]>;

/** What the consent screen shows: who asks, where the user goes next, what for. */
export interface ConsentRequest {
  interaction: string;
  client: { id: string; name: string; redirectHost: string };
  /** The scopes this answer is about: those not granted yet (all asked for on prompt=consent). */
  scopes: ConsentScope[];
  /** Scopes of this request the user allowed before. */
  granted: ConsentScope[];
}

interface MissingDetails {
  missingOIDCScope?: string[];
  missingOIDCClaims?: string[];
  missingResourceScopes?: Record<string, string[]>;
}

/**
 * The user's answer to a third-party client's consent prompt. The answer is stored on
 * oidc-provider's interaction, as `interactionResult` would, and the browser resumes the
 * authorization at the interaction's `returnTo`; the request's cookies are not needed here.
 */
export class ConsentService {
  constructor(private readonly host: ProviderHost) {}

  async request(uid: string, userId: string): Promise<ConsentRequest> {
    const interaction = await this.#pending(uid, userId);
    const provider = this.host.current;
    const clientId = String(interaction.params.client_id);
    const client = await provider.Client.find(clientId);
    if (!client) throw new NotFound("The app asking for access is no longer registered.");
    const asked = knownScopes(String(interaction.params.scope ?? ""));
    const missing = (interaction.prompt.details as MissingDetails).missingOIDCScope;
    const scopes = missing?.length ? knownScopes(missing) : asked;
    return {
      interaction: interaction.uid,
      client: {
        id: clientId,
        name: client.clientName ?? clientId,
        // oidc-provider lets a client with one redirect URI leave it out of the request.
        redirectHost: new URL(String(interaction.params.redirect_uri ?? client.redirectUris?.[0]))
          .host,
      },
      scopes,
      granted: asked.filter((scope) => !scopes.includes(scope)),
    };
  }

  /** Records the answer; returns the path that resumes the authorization. */
  async decide(uid: string, userId: string, allow: boolean): Promise<string> {
    const interaction = await this.#pending(uid, userId);
    const result: InteractionResults = allow
      ? { consent: { grantId: await this.#grant(interaction, userId) } }
      : { error: "access_denied", error_description: "the user did not allow access" };
    interaction.result = result;
    await interaction.persist();
    const resume = new URL(interaction.returnTo);
    return `${resume.pathname}${resume.search}`;
  }

  /** The interaction's grant with what the request asks for added. */
  async #grant(interaction: Interaction, userId: string): Promise<string> {
    const provider = this.host.current;
    const clientId = String(interaction.params.client_id);
    // The grant may have been revoked from the account page while this screen was open.
    const existing = interaction.grantId
      ? await provider.Grant.find(interaction.grantId)
      : undefined;
    const grant = existing ?? new provider.Grant({ accountId: userId, clientId });
    const missing = interaction.prompt.details as MissingDetails;
    const scopes = missing.missingOIDCScope ?? String(interaction.params.scope ?? "").split(" ");
    grant.addOIDCScope(scopes.filter(Boolean).join(" "));
    if (missing.missingOIDCClaims) grant.addOIDCClaims(missing.missingOIDCClaims);
    for (const [indicator, resourceScopes] of Object.entries(missing.missingResourceScopes ?? {})) {
      grant.addResourceScope(indicator, resourceScopes.join(" "));
    }
    return grant.save();
  }

  /**
   * A consent interaction still waiting for an answer, of this user's provider session.
   * The uid alone proves nothing: the interaction must be the signed-in user's.
   */
  async #pending(uid: string, userId: string): Promise<Interaction> {
    const provider = this.host.current;
    const interaction = await provider.Interaction.find<Interaction>(uid);
    if (interaction?.prompt.name !== "consent") {
      throw new NotFound("No such consent request; it may have expired.");
    }
    const owner = interaction.session;
    if (!owner || owner.accountId !== userId) {
      throw new Forbidden("This consent request belongs to another account.");
    }
    const session = await provider.Session.findByUid(owner.uid);
    if (session?.accountId !== userId) {
      throw new Forbidden("The sign-in this consent request belongs to has ended.");
    }
    if (interaction.result) throw new Conflict("This consent request was already answered.");
    return interaction;
  }
}
