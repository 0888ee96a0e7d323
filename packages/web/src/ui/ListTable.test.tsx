import { fireEvent, screen, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { renderUi } from "../test/render";
import { ListTable } from "./ListTable";

interface Person {
  id: string;
  name: string;
  url: string;
  admin: boolean;
}

const people: Person[] = [
  { id: "1", name: "Léa", url: "https://lea.example.org", admin: true },
  { id: "2", name: "Max", url: "https://max.example.org", admin: false },
];

function People({ items, remove }: { items: Person[] | null; remove: (p: Person) => void }) {
  return (
    <ListTable
      items={items}
      empty="Nobody yet."
      emptyTestId="people-empty"
      testId="people"
      caption="People"
      row={{ key: (p) => p.id, testId: "person", data: (p) => ({ "data-name": p.name }) }}
      columns={[
        { label: "Name", cell: (p) => p.name, rowHeader: true },
        { label: "Site", cell: (p) => p.url, breakAll: true },
      ]}
      actions={(p) => [
        !p.admin && {
          label: "Remove",
          ariaLabel: `Remove ${p.name}`,
          onClick: () => remove(p),
          testId: "person-remove",
        },
      ]}
    />
  );
}

describe("ListTable", () => {
  it("shows scoped column headers, a row header per row and the row's actions", () => {
    const remove = vi.fn();
    renderUi(<People items={people} remove={remove} />);
    const table = screen.getByRole("table", { name: "People" });
    const headers = within(table).getAllByRole("columnheader");
    expect(headers.map((h) => h.textContent)).toEqual(["Name", "Site", "Actions"]);
    expect(headers.every((h) => h.getAttribute("scope") === "col")).toBe(true);
    expect(within(table).getByRole("rowheader", { name: "Léa" })).toBeTruthy();
    const rows = screen.getAllByTestId("person");
    expect(rows.map((row) => row.getAttribute("data-name"))).toEqual(["Léa", "Max"]);
    // A row can lack an action: the administrator cannot be removed.
    expect(screen.getAllByTestId("person-remove")).toHaveLength(1);
    fireEvent.click(screen.getByRole("button", { name: "Remove Max" }));
    expect(remove).toHaveBeenCalledWith(people[1]);
  });

  it("says so when the list is empty, and shows nothing while it loads", () => {
    const loading = renderUi(<People items={null} remove={() => {}} />);
    expect(screen.queryByRole("table")).toBeNull();
    expect(screen.queryByTestId("people-empty")).toBeNull();
    loading.unmount();
    renderUi(<People items={[]} remove={() => {}} />);
    expect(screen.getByTestId("people-empty").textContent).toBe("Nobody yet.");
  });
});
