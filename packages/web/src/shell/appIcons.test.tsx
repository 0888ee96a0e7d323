import { IconApps, IconFileText, IconMessages } from "@tabler/icons-react";
import { screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { AppEntry } from "../api/client";
import { AppCard } from "../home/AppCard";
import { webModules } from "../modules";
import { renderUi } from "../test/render";
import { appIcon } from "./appIcons";
import { switcherEntries } from "./webModule";

const served = (id: string, icon: string): AppEntry => ({
  id,
  path: `/${id}`,
  name: { en: id, fr: id, de: id },
  icon,
});

describe("the apps' icons", () => {
  it("are the Tabler icons the server names, a generic one for a name this build lacks", () => {
    expect(appIcon("file-text")).toBe(IconFileText);
    expect(appIcon("messages")).toBe(IconMessages);
    expect(appIcon("no-such-icon")).toBe(IconApps);
    // A name that is a property of every object is not an icon either.
    expect(appIcon("constructor")).toBe(IconApps);
  });

  it("come from the server's app entry, for apps with a web module and without", () => {
    const [docs, chat] = switcherEntries(
      [served("docs", "messages"), served("chat", "file-text")],
      webModules,
      "en",
    );
    expect(docs?.icon).toBe(IconMessages);
    expect(chat?.icon).toBe(IconFileText);
  });

  it("is drawn on the home page's card", () => {
    const [entry] = switcherEntries([served("docs", "file-text")], webModules, "en");
    if (!entry) throw new Error("no entry");
    const { container } = renderUi(<AppCard app={entry} />);
    expect(screen.getByTestId("app-card-docs")).toBeTruthy();
    expect(container.querySelector("svg.tabler-icon-file-text")).not.toBeNull();
    const other = renderUi(<AppCard app={{ ...entry, icon: appIcon("unknown") }} />);
    expect(other.container.querySelector("svg.tabler-icon-apps")).not.toBeNull();
  });
});
