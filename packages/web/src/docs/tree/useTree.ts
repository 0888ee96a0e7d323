import { useCallback, useEffect, useState } from "react";
import { type DocSummary, fetchChildren, fetchDocument } from "../api/documents";
import { type DocsChange, useDocsChanges } from "../events";

export type Children = DocSummary[] | "loading" | "failed";

export interface Tree {
  root: DocSummary | null;
  failed: boolean;
  children: Record<string, Children>;
  expanded: Set<string>;
  toggle: (id: string) => void;
  expand: (id: string) => void;
  /** Loads a node's sub-pages again (after one was added, moved or trashed). */
  reload: (id: string | null) => void;
  titles: Record<string, string>;
}

/**
 * The page tree around the open document: from its topmost ancestor the person may read,
 * with the path down to it expanded. Sub-pages load when a node is first expanded.
 */
export function useTree(currentId: string): Tree {
  const [root, setRoot] = useState<DocSummary | null>(null);
  const [failed, setFailed] = useState(false);
  const [children, setChildren] = useState<Record<string, Children>>({});
  const [expanded, setExpanded] = useState<Set<string>>(new Set());
  const [titles, setTitles] = useState<Record<string, string>>({});

  const load = useCallback((id: string) => {
    setChildren((all) => ({ ...all, [id]: all[id] ?? "loading" }));
    fetchChildren(id).then(
      (list) => setChildren((all) => ({ ...all, [id]: list })),
      () => setChildren((all) => ({ ...all, [id]: "failed" })),
    );
  }, []);

  /** Finds the path to the open document again; returns a function that ignores its answer. */
  const walk = useCallback(() => {
    let cancelled = false;
    (async () => {
      const path: DocSummary[] = [await fetchDocument(currentId)];
      // Up to the top, or to the first ancestor this person cannot read.
      for (let parent = path[0]?.parentId; parent && path.length < 50; ) {
        try {
          const doc = await fetchDocument(parent);
          path.unshift(doc);
          parent = doc.parentId;
        } catch {
          break;
        }
      }
      return path;
    })().then(
      (path) => {
        if (cancelled) return;
        setFailed(false);
        setRoot(path[0] ?? null);
        setExpanded((open) => new Set([...open, ...path.slice(0, -1).map((doc) => doc.id)]));
        for (const doc of path) load(doc.id);
      },
      () => !cancelled && setFailed(true),
    );
    return () => {
      cancelled = true;
    };
  }, [currentId, load]);

  useEffect(() => walk(), [walk]);

  const toggle = useCallback(
    (id: string) => {
      setExpanded((open) => {
        const next = new Set(open);
        if (next.has(id)) next.delete(id);
        else next.add(id);
        return next;
      });
      load(id);
    },
    [load],
  );

  const expand = useCallback(
    (id: string) => {
      setExpanded((open) => new Set([...open, id]));
      load(id);
    },
    [load],
  );

  const reload = useCallback(
    (id: string | null) => {
      if (id) load(id);
    },
    [load],
  );

  const onChange = useCallback(
    (change: DocsChange) => {
      if (change.kind === "renamed") setTitles((all) => ({ ...all, [change.id]: change.title }));
      else if (change.kind === "moved") {
        // The page left one parent for another: every open list may have changed.
        for (const id of Object.keys(children)) load(id);
        walk();
      } else reload(change.parentId);
    },
    [reload, load, children, walk],
  );
  useDocsChanges(onChange);

  return { root, failed, children, expanded, toggle, expand, reload, titles };
}
