import type { AccountService, UserRow } from "@tandem/accounts";
import type { MailMessage } from "@tandem/kernel";
import { chainOf, type DocumentRow, type DocumentStore } from "../documents/DocumentStore.js";
import { composeMail } from "./composeMail.js";
import type { MailLanguage } from "./language.js";

/**
 * Writes the e-mails that sharing sends: who to tell, and what, in the language of the
 * person acting (the only one the server knows). It stores and sends nothing itself: the
 * services hand its messages to the outbox in the transaction that records the change.
 */
export class DocsNotifier {
  readonly #accounts: AccountService;
  readonly #store: DocumentStore;
  readonly #publicUrl: string;

  constructor(deps: { accounts: AccountService; store: DocumentStore; publicUrl: string }) {
    this.#accounts = deps.accounts;
    this.#store = deps.store;
    this.#publicUrl = deps.publicUrl;
  }

  /** To an address with no account yet: who invited them to what, and where it is. */
  async invited(
    actorId: string,
    document: DocumentRow,
    email: string,
    language: MailLanguage,
  ): Promise<MailMessage> {
    return this.#compose("invited", await this.#account(actorId), document, email, language);
  }

  /** To an account given a role on the document. */
  async shared(
    actorId: string,
    document: DocumentRow,
    recipient: UserRow,
    language: MailLanguage,
  ): Promise<MailMessage> {
    const actor = await this.#account(actorId);
    return this.#compose("shared", actor, document, recipient.email, language);
  }

  /** To everyone who can decide: owners and administrators of the document or an ancestor. */
  async accessRequested(
    askerId: string,
    document: DocumentRow,
    language: MailLanguage,
  ): Promise<MailMessage[]> {
    const asker = await this.#account(askerId);
    const deciders = await this.#store.decidersOf(chainOf(document));
    const accounts = await Promise.all(deciders.map((id) => this.#accounts.users.byId(id)));
    return accounts
      .filter((user): user is UserRow => !!user && user.disabled_at === null)
      .map((user) => this.#compose("accessRequested", asker, document, user.email, language));
  }

  /** To the one who asked, once their request is accepted. */
  async requestAccepted(
    deciderId: string,
    document: DocumentRow,
    askerId: string,
    language: MailLanguage,
  ): Promise<MailMessage[]> {
    const asker = await this.#accounts.users.byId(askerId);
    if (!asker || asker.disabled_at !== null) return [];
    const decider = await this.#account(deciderId);
    return [this.#compose("requestAccepted", decider, document, asker.email, language)];
  }

  async #account(id: string): Promise<Pick<UserRow, "name" | "email">> {
    return (await this.#accounts.users.byId(id)) ?? { name: "", email: "" };
  }

  #compose(
    kind: Parameters<typeof composeMail>[0],
    actor: Pick<UserRow, "name" | "email">,
    document: DocumentRow,
    recipient: string,
    language: MailLanguage,
  ): MailMessage {
    return composeMail(kind, language, {
      actor: actor.name.trim() || actor.email,
      actorEmail: actor.email,
      title: document.title,
      recipient,
      link: documentLink(this.#publicUrl, document.id),
    });
  }
}

/** The web app's route of a document (packages/web/src/docs/route.ts, documentHref). */
export function documentLink(publicUrl: string, documentId: string): string {
  return `${publicUrl}/docs/${encodeURIComponent(documentId)}`;
}
