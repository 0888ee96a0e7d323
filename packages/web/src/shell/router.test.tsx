import { fireEvent, screen } from "@testing-library/react";
import { createMemoryRouter, matchRoutes, Outlet, RouterProvider } from "react-router";
import { describe, expect, it } from "vitest";
import type { AppEntry, User } from "../api/client";
import { webModules } from "../modules";
import { renderUi } from "../test/render";
import { buildRoutes, ShellContext } from "./router";
import { checkModules, type ShellState, switcherEntries, type WebModule } from "./webModule";

const user: User = {
  id: "u1",
  email: "lea@example.org",
  name: "Léa",
  isAdmin: false,
};

const module = (id: string, paths: string[]): WebModule => ({
  id,
  path: paths[0] ?? `/${id}`,
  name: { en: id, fr: id, de: id },
  routes: paths.map((path) => ({
    path,
    render: (shell: ShellState) => (
      <p>
        {id} page at {path} for {shell.user.name}
      </p>
    ),
  })),
});

function Layout() {
  return (
    <ShellContext.Provider value={{ user, apps: [] }}>
      <Outlet />
    </ShellContext.Provider>
  );
}

function show(modules: WebModule[], path: string) {
  const router = createMemoryRouter(buildRoutes(modules, Layout), { initialEntries: [path] });
  renderUi(<RouterProvider router={router} />);
  return router;
}

describe("the shell's router", () => {
  const modules = [module("home", ["/"]), module("notes", ["/notes", "/notes/:id"])];

  it("renders the page a module registers for a known path", () => {
    show(modules, "/notes/42");
    expect(screen.getByText("notes page at /notes/:id for Léa")).toBeTruthy();
  });

  it("renders the not-found page, with a link home, for a path no module routes", () => {
    const router = show(modules, "/nowhere/at/all");
    expect(screen.getByRole("heading", { level: 1, name: "Page not found" })).toBeTruthy();
    expect(screen.queryByText(/home page at/)).toBeNull();
    expect(document.title).toBe("Page not found · Tandem");
    fireEvent.click(screen.getByRole("link", { name: "Go to the home page" }));
    expect(router.state.location.pathname).toBe("/");
    expect(screen.getByText("home page at / for Léa")).toBeTruthy();
  });

  it("shows the not-found page in French and German", () => {
    const router = createMemoryRouter(buildRoutes(modules, Layout), { initialEntries: ["/x"] });
    renderUi(<RouterProvider router={router} />, "fr");
    expect(screen.getByRole("heading", { name: "Page introuvable" })).toBeTruthy();
    expect(screen.getByRole("link", { name: "Aller à la page d’accueil" })).toBeTruthy();
  });

  it("refuses two modules with one id or one route path", () => {
    expect(() => checkModules([module("a", ["/a"]), module("a", ["/b"])])).toThrow(
      'Two web modules have the id "a"',
    );
    expect(() => checkModules([module("a", ["/a"]), module("b", ["/a"])])).toThrow(
      'Web modules "a" and "b" both route "/a"',
    );
  });
});

describe("the module list", () => {
  const routes = buildRoutes(webModules, Layout);
  const pageOf = (path: string) => {
    const matched = matchRoutes(routes, path)?.at(-1)?.route.path;
    if (matched === "*") return "not found";
    return webModules.find((m) => m.routes.some((r) => r.path === matched))?.id;
  };

  it("keeps every URL of the app on its module's page", () => {
    expect(pageOf("/")).toBe("home");
    expect(pageOf("/account")).toBe("account");
    expect(pageOf("/account/security")).toBe("account");
    expect(pageOf("/admin")).toBe("admin");
    expect(pageOf("/admin/audit")).toBe("admin");
    expect(pageOf("/consent")).toBe("consent");
    expect(pageOf("/docs")).toBe("docs");
    expect(pageOf("/docs/trash")).toBe("docs");
    expect(pageOf("/docs/a1B2")).toBe("docs");
  });

  it("sends any other path to the not-found page", () => {
    expect(pageOf("/nope")).toBe("not found");
    expect(pageOf("/accounts")).toBe("not found");
    expect(pageOf("/admin/users/extra")).toBe("not found");
  });
});

/** An app as `GET /api/v1/apps` lists it, named alike in every language. */
const served = (id: string, name: string): AppEntry => ({
  id,
  path: `/${id}`,
  name: { en: name, fr: name, de: name },
  icon: "apps",
});

describe("the app switcher's entries", () => {
  it("presents the apps the server enables, in its order, with their module's name", () => {
    const entries = switcherEntries(
      [served("chat", "Chat"), served("docs", "Docs")],
      webModules,
      "fr",
    );
    expect(entries.map(({ id, path, name }) => ({ id, path, name }))).toEqual([
      { id: "chat", path: "/chat", name: "Chat" },
      { id: "docs", path: "/docs", name: "Documents" },
    ]);
    expect(entries[1]?.description).toBe("Rédigez et modifiez des documents à plusieurs.");
    expect(entries[0]?.description).toBeUndefined();
  });

  it("falls back to English for a language it has no name in", () => {
    expect(switcherEntries([served("docs", "Docs")], webModules, "it")[0]?.name).toBe("Docs");
  });

  it("names an app this build has no module for as the server does, in the language", () => {
    const chat = { ...served("chat", "Chat"), name: { en: "Chat", fr: "Discussion", de: "Chat" } };
    expect(switcherEntries([chat], webModules, "fr")[0]?.name).toBe("Discussion");
    expect(switcherEntries([chat], webModules, "it")[0]?.name).toBe("Chat");
  });

  it("lists no module the server does not enable", () => {
    expect(switcherEntries([], webModules, "en")).toEqual([]);
  });
});
