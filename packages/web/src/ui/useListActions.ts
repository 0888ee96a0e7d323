import { useCallback, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { NoticeState } from "../account/Notice";
import { failure } from "../admin/feedback";

/**
 * Loads something on mount (and whenever `fetch` changes, so pass a stable function), and
 * reports a failed load in the same notice the page uses for its actions' outcomes.
 */
export function useAsyncList<T>(
  fetch: () => Promise<T>,
  failedKey: "admin.loadFailed" | "account.loadFailed",
) {
  const { t } = useTranslation();
  const [data, setData] = useState<T | null>(null);
  const [notice, setNotice] = useState<NoticeState>(null);

  const load = useCallback(async () => {
    try {
      setData(await fetch());
    } catch {
      setNotice({ kind: "error", text: t(failedKey) });
    }
  }, [fetch, failedKey, t]);

  useEffect(() => {
    void load();
  }, [load]);

  /** A form's outcome below the list: its notice shown, the list reloaded if it changed. */
  const afterForm = (outcome: NoticeState, changed: boolean) => {
    setNotice(outcome);
    if (changed) void load();
  };

  return { data, load, notice, setNotice, afterForm };
}

/**
 * A destructive admin action asked for first: `ask` opens the ConfirmDialog, `confirm` runs
 * it. The outcome goes to the tab's notice, with the server's reason on failure, and a
 * success reloads the list so the table shows what the server now has.
 */
export function useConfirmedAction<P>(
  run: (pending: P) => Promise<string>,
  setNotice: (notice: NoticeState) => void,
  load: () => Promise<void>,
) {
  const { t } = useTranslation();
  const [pending, setPending] = useState<P | null>(null);
  const [busy, setBusy] = useState(false);

  async function confirm() {
    if (!pending) return;
    setBusy(true);
    try {
      setNotice({ kind: "success", text: await run(pending) });
      await load();
    } catch (error) {
      setNotice(failure(t, error));
    } finally {
      setBusy(false);
      setPending(null);
    }
  }

  const cancel = () => setPending(null);
  return {
    pending,
    busy,
    ask: (subject: P) => setPending(subject),
    cancel,
    confirm: () => void confirm(),
    /** The ConfirmDialog's props, but for its subject and test id. */
    dialog: { busy, onConfirm: () => void confirm(), onClose: cancel },
  };
}

/**
 * An immediate action on one row of an account list (end a session, revoke an app), with no
 * confirmation since it is easily redone. The row's button spins, and so is disabled, while it
 * runs; on failure the section's heading takes the focus so that it is not left nowhere.
 */
export function useRowAction({
  setNotice,
  load,
}: {
  setNotice: (notice: NoticeState) => void;
  load: () => Promise<void>;
}) {
  const { t } = useTranslation();
  const [working, setWorking] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  async function run(id: string, action: () => Promise<unknown>, success: () => string) {
    setWorking(id);
    try {
      await action();
      setNotice({ kind: "success", text: success() });
      await load();
    } catch {
      setNotice({ kind: "error", text: t("account.failed") });
      heading.current?.focus();
    } finally {
      setWorking(null);
    }
  }

  return { working, heading, run: (...args: Parameters<typeof run>) => void run(...args) };
}
