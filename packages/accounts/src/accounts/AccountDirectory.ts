/** The organisation an account belongs to, as the identity module records it. */
export interface AccountOrganisation {
  id: string;
  name: string;
  country: string;
  identifier: string | null;
}

export interface AccountGroup {
  id: string;
  name: string;
}

/** What other modules may know of an account beyond its row: organisation and groups. */
export interface AccountDescription {
  organisation: AccountOrganisation | null;
  groups: AccountGroup[];
}

export interface AccountDirectorySource {
  describe(userId: string): Promise<AccountDescription>;
  /** The ids of the groups an account belongs to, for permission checks (cheaper than describe). */
  groupIdsOf(userId: string): Promise<string[]>;
  /** The group, if it exists (sharing with a group checks it is real). */
  group(groupId: string): Promise<AccountGroup | undefined>;
}

/**
 * Organisations and groups live in the identity module, yet docs (sharing with a group)
 * and the other modules need them: the identity module declares the source (the server
 * hands it here), and a build without it answers "no organisation, no groups" rather than failing.
 */
export class AccountDirectory {
  readonly #source: AccountDirectorySource | undefined;

  constructor(source?: AccountDirectorySource) {
    this.#source = source;
  }

  describe(userId: string): Promise<AccountDescription> {
    return this.#source?.describe(userId) ?? Promise.resolve({ organisation: null, groups: [] });
  }

  groupIdsOf(userId: string): Promise<string[]> {
    return this.#source?.groupIdsOf(userId) ?? Promise.resolve([]);
  }

  group(groupId: string): Promise<AccountGroup | undefined> {
    return this.#source?.group(groupId) ?? Promise.resolve(undefined);
  }
}
