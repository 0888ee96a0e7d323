/** A value and who declared it (a module's name, "the server", …). */
export interface Declared<T> {
  value: T;
  by: string;
}

/**
 * Names that must be declared once across a deployment: job names, REST routes, CLI commands,
 * audit actions, app ids, claimed paths. Each caller keeps its own one-line refusal (tests and
 * operators read them), built from the first declaration and the one refused. By default two
 * values conflict when their keys are equal; `conflicts`, when given, decides instead (two
 * modules' paths where one lies under the other), and `key` only names what is kept.
 */
export class Declarations<T> {
  readonly #byKey = new Map<string, Declared<T>>();
  readonly #refuse: (first: Declared<T>, second: Declared<T>) => Error;
  readonly #key: (value: T) => string;
  readonly #conflicts: ((a: Declared<T>, b: Declared<T>) => boolean) | undefined;

  constructor(options: {
    refuse: (first: Declared<T>, second: Declared<T>) => Error;
    key?: (value: T) => string;
    conflicts?: (first: Declared<T>, second: Declared<T>) => boolean;
  }) {
    this.#refuse = options.refuse;
    this.#key = options.key ?? String;
    this.#conflicts = options.conflicts;
  }

  /** Records `value` for `by`; throws the caller's refusal when one declared before conflicts. */
  add(value: T, by: string): this {
    const declared = { value, by };
    const first = this.#conflicting(declared);
    if (first) throw this.#refuse(first, declared);
    this.#byKey.set(this.#key(value), declared);
    return this;
  }

  /** Adds each in order, as `add` would. */
  addAll(declared: Iterable<Declared<T>>): this {
    for (const { value, by } of declared) this.add(value, by);
    return this;
  }

  has(value: T): boolean {
    return this.#byKey.has(this.#key(value));
  }

  /** The values, in the order they were declared. */
  values(): T[] {
    return [...this.#byKey.values()].map(({ value }) => value);
  }

  entries(): Declared<T>[] {
    return [...this.#byKey.values()];
  }

  #conflicting(candidate: Declared<T>): Declared<T> | undefined {
    const conflicts = this.#conflicts;
    if (!conflicts) return this.#byKey.get(this.#key(candidate.value));
    for (const declared of this.#byKey.values()) {
      if (conflicts(declared, candidate)) return declared;
    }
    return undefined;
  }
}
