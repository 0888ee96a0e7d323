import { type MouseEvent, useEffect, useState } from "react";

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

const NAVIGATE = "tandem:navigate";

/**
 * Moves within the docs app without reloading the page, so an open editor's connections and
 * the page tree survive; the browser's back and forward buttons still work.
 */
export function navigate(href: string): void {
  if (href === window.location.pathname) return;
  window.history.pushState(null, "", href);
  window.dispatchEvent(new Event(NAVIGATE));
}

/** Lets ordinary links navigate in place, keeping new-tab clicks (modifier keys) as they are. */
export function followLink(event: MouseEvent<HTMLElement>, href: string): void {
  if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) {
    return;
  }
  event.preventDefault();
  navigate(href);
}

export function useDocsRoute(): DocsRoute {
  const [route, setRoute] = useState(() => parseRoute(window.location.pathname));
  useEffect(() => {
    const update = () => setRoute(parseRoute(window.location.pathname));
    window.addEventListener("popstate", update);
    window.addEventListener(NAVIGATE, update);
    return () => {
      window.removeEventListener("popstate", update);
      window.removeEventListener(NAVIGATE, update);
    };
  }, []);
  return route;
}
