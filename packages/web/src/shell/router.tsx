import { type ComponentType, createContext, useContext } from "react";
import type { RouteObject } from "react-router";
import { NotFound } from "./NotFound";
import { checkModules, type ShellState, type WebModule, type WebRoute } from "./webModule";

/** The signed-in user and the enabled apps, provided by the shell's layout to every page. */
export const ShellContext = createContext<ShellState | null>(null);

function Page({ route }: { route: WebRoute }) {
  const shell = useContext(ShellContext);
  if (!shell) throw new Error("A module's page rendered outside the signed-in shell");
  return route.render(shell);
}

/**
 * The router's routes: every module's pages under the shell's layout (which signs in first
 * and renders the page in its `<Outlet />`), and a "page not found" page for any other path.
 */
export function buildRoutes(modules: readonly WebModule[], Layout: ComponentType): RouteObject[] {
  checkModules(modules);
  return [
    {
      Component: Layout,
      children: [
        ...modules.flatMap((module) =>
          module.routes.map((route) => ({ path: route.path, element: <Page route={route} /> })),
        ),
        { path: "*", Component: NotFound },
      ],
    },
  ];
}
