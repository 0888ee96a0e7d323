import { useEffect } from "react";

/** Screen readers announce the title on load, and tabs show it, so it follows each screen. */
export function useDocumentTitle(title: string): void {
  useEffect(() => {
    document.title = title;
  }, [title]);
}
