import { useEffect } from "react";

/**
 * What one part of the docs screen changed that another shows: the sidebar's page tree
 * follows renames and new, moved or trashed pages made from the document's header.
 */
export type DocsChange =
  | { kind: "renamed"; id: string; title: string }
  | { kind: "children"; parentId: string | null }
  | { kind: "moved" };

const bus = new EventTarget();

export function announce(change: DocsChange): void {
  bus.dispatchEvent(new CustomEvent<DocsChange>("change", { detail: change }));
}

export function useDocsChanges(listener: (change: DocsChange) => void): void {
  useEffect(() => {
    const handle = (event: Event) => listener((event as CustomEvent<DocsChange>).detail);
    bus.addEventListener("change", handle);
    return () => bus.removeEventListener("change", handle);
  }, [listener]);
}
