/**
 * The most common passwords, refused at creation (OWASP ASVS 5). The list is zxcvbn-ts's
 * `passwords-common` dictionary: about 49,000 entries, lower-case, most used first, drawn
 * from public breach corpora. Only a few hundred are 12 characters or more, since our
 * length rule already refuses the rest, but checking the whole list costs nothing more.
 */
let loading: Promise<ReadonlySet<string>> | undefined;

/** Loaded on first use, not at import: decompressing the list takes ~20 ms that start need not pay. */
function commonPasswords(): Promise<ReadonlySet<string>> {
  loading ??= import("@zxcvbn-ts/language-common").then(
    ({ dictionary }) => new Set(dictionary["passwords-common"]),
  );
  // A failed load is retried at the next use rather than remembered.
  loading.catch(() => {
    loading = undefined;
  });
  return loading;
}

/** Whether the password, in any case and with surrounding spaces ignored, is on the list. */
export async function isCommonPassword(password: string): Promise<boolean> {
  const list = await commonPasswords();
  const folded = password.normalize("NFKC").toLowerCase();
  return list.has(folded) || list.has(folded.trim());
}
