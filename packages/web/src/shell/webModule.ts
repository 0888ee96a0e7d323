import type { TablerIcon } from "@tabler/icons-react";
import type { ReactNode } from "react";
import type { AppEntry, User } from "../api/client";
import { defaultLanguage, isLanguage, type Language } from "../i18n/languages";
import { appIcon } from "./appIcons";

/** A text in each interface language. */
export type Localised = Record<Language, string>;

/** What a page of a web module is handed by the shell once someone is signed in. */
export interface ShellState {
  user: User;
  /** The apps the server enables, as the switcher and the home page present them. */
  apps: AppPresentation[];
}

/** One page of a module: a React Router path pattern (absolute) and what it renders. */
export interface WebRoute {
  path: string;
  render: (shell: ShellState) => ReactNode;
}

/**
 * The web side of a module, declared in its own folder and listed in `src/modules.ts`: its
 * pages, and how the app switcher and the home page present it when the server enables an
 * app with the same id (`GET /api/v1/apps`, which also names its icon: the server's app entry
 * is the one place a module declares it).
 */
export interface WebModule {
  id: string;
  /** Where the module's pages start; what the switcher links to. */
  path: string;
  name: Localised;
  description?: Localised;
  routes: WebRoute[];
  /** The audit actions the module's server side records (its `@tandem/<module>/wire` list). */
  auditActions?: readonly string[];
}

export interface AppPresentation {
  id: string;
  path: string;
  icon: TablerIcon;
  name: string;
  description: string | undefined;
}

export function localise(text: Localised, language: string | undefined): string {
  return text[isLanguage(language) ? language : defaultLanguage];
}

/**
 * The switcher's and the home page's entries: the apps the server enables, in its order,
 * presented by the web module of the same id; an app this build has no module for is shown
 * with the name the server gives it, in the interface language. Each has the icon the server
 * names (a generic one for a name this build does not know).
 */
export function switcherEntries(
  apps: readonly AppEntry[],
  modules: readonly WebModule[],
  language: string | undefined,
): AppPresentation[] {
  return apps.map((app) => {
    const module = modules.find((m) => m.id === app.id);
    if (!module) {
      const name = localise(app.name, language);
      return { id: app.id, path: app.path, icon: appIcon(app.icon), name, description: undefined };
    }
    return {
      id: app.id,
      path: app.path,
      icon: appIcon(app.icon),
      name: localise(module.name, language),
      description: module.description && localise(module.description, language),
    };
  });
}

/**
 * Refuses two modules with the same id or two routes with the same path: a clash would
 * otherwise show one page and silently hide the other.
 */
export function checkModules(modules: readonly WebModule[]): void {
  const ids = new Set<string>();
  const paths = new Map<string, string>();
  for (const module of modules) {
    if (ids.has(module.id)) throw new Error(`Two web modules have the id "${module.id}"`);
    ids.add(module.id);
    for (const route of module.routes) {
      const other = paths.get(route.path);
      if (other) {
        throw new Error(`Web modules "${other}" and "${module.id}" both route "${route.path}"`);
      }
      paths.set(route.path, module.id);
    }
  }
}
