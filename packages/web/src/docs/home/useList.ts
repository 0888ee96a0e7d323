import { useCallback, useEffect, useState } from "react";
import { type DocSummary, fetchList, type ListKind } from "../api/documents";

export type Loaded<T> =
  | { status: "loading" }
  | { status: "failed" }
  | { status: "ready"; value: T };

/** One of the server's lists, with a way to load it again after a change. */
export function useList(kind: ListKind): { list: Loaded<DocSummary[]>; reload: () => void } {
  const [list, setList] = useState<Loaded<DocSummary[]>>({ status: "loading" });
  const reload = useCallback(() => {
    fetchList(kind).then(
      (value) => setList({ status: "ready", value }),
      () => setList({ status: "failed" }),
    );
  }, [kind]);
  useEffect(reload, [reload]);
  return { list, reload };
}
