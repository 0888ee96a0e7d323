import { type MouseEvent, useMemo } from "react";
import { useLocation } from "react-router";
import { navigate } from "../shell/navigation";

export const DOCS_BASE = "/docs";

export type DocsRoute =
  | { screen: "home" }
  | { screen: "trash" }
  | { screen: "document"; id: string }
  | { screen: "notFound" };

export function parseRoute(pathname: string): DocsRoute {
  const rest = pathname.slice(DOCS_BASE.length).replace(/\/+$/, "");
  if (rest === "") return { screen: "home" };
  if (rest === "/trash") return { screen: "trash" };
  const match = /^\/([A-Za-z0-9_-]{1,64})$/.exec(rest);
  return match?.[1] ? { screen: "document", id: match[1] } : { screen: "notFound" };
}

export const documentHref = (id: string) => `${DOCS_BASE}/${encodeURIComponent(id)}`;

/** Moves within the docs app through the shell's router, keeping an open editor mounted. */
export { navigate };

/** Lets ordinary links navigate in place, keeping new-tab clicks (modifier keys) as they are. */
export function followLink(event: MouseEvent<HTMLElement>, href: string): void {
  if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) {
    return;
  }
  event.preventDefault();
  navigate(href);
}

/** The docs screen the current path names; follows the router's location. */
export function useDocsRoute(): DocsRoute {
  const { pathname } = useLocation();
  return useMemo(() => parseRoute(pathname), [pathname]);
}
