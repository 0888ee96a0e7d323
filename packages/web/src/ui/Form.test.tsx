import { act, fireEvent, screen, waitFor } from "@testing-library/react";
import { useState } from "react";
import { describe, expect, it, vi } from "vitest";
import type { NoticeState } from "../account/Notice";
import { PasswordSection } from "../account/PasswordSection";
import { renderUi } from "../test/render";
import { ConfirmDialog } from "./ConfirmDialog";
import { Form } from "./Form";
import { TextField } from "./inputs";

function NameForm({ save }: { save: (name: string) => Promise<void> }) {
  const [name, setName] = useState("");
  const [notice, setNotice] = useState<NoticeState>(null);
  return (
    <Form
      onSubmit={async () => {
        await save(name);
        setNotice({ kind: "success", text: `Saved ${name}` });
      }}
      onError={(error) => setNotice({ kind: "error", text: String((error as Error).message) })}
      submit={{ label: "Save", testId: "name-save" }}
      testId="name-form"
      notice={notice}
    >
      <TextField
        label="Name"
        required
        value={name}
        onValue={setName}
        error={name === "x" ? "Too short" : undefined}
        testId="name"
      />
    </Form>
  );
}

describe("Form and its fields", () => {
  it("labels its field, binds its value, and shows a field's validation message", () => {
    renderUi(<NameForm save={async () => {}} />);
    const field = screen.getByLabelText(/^Name/);
    fireEvent.change(field, { target: { value: "x" } });
    expect((field as HTMLInputElement).value).toBe("x");
    expect(screen.getByText("Too short")).toBeTruthy();
    expect(field.getAttribute("aria-invalid")).toBe("true");
  });

  it("runs the submission, busy until it settles, then shows its outcome", async () => {
    let finish = () => {};
    const save = vi.fn(() => new Promise<void>((resolve) => (finish = resolve)));
    renderUi(<NameForm save={save} />);
    fireEvent.change(screen.getByLabelText(/^Name/), { target: { value: "Léa" } });
    fireEvent.submit(screen.getByTestId("name-form"));
    expect(save).toHaveBeenCalledWith("Léa");
    await waitFor(() =>
      expect(screen.getByTestId("name-save").hasAttribute("data-loading")).toBe(true),
    );
    await act(async () => finish());
    expect((await screen.findByRole("status")).textContent).toContain("Saved Léa");
    expect(screen.getByTestId("name-save").hasAttribute("data-loading")).toBe(false);
  });

  it("shows a failed submission's error next to the form, announced as an alert", async () => {
    renderUi(<NameForm save={() => Promise.reject(new Error("The server said no"))} />);
    fireEvent.submit(screen.getByTestId("name-form"));
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("The server said no");
    expect(screen.getByTestId("name-form").contains(alert)).toBe(true);
    expect(document.activeElement).toBe(alert);
  });
});

describe("PasswordSection's validation", () => {
  it("says when the repeated password differs, on the field and on submit", async () => {
    renderUi(<PasswordSection />);
    fireEvent.change(screen.getByTestId("password-new"), {
      target: { value: "a long new passphrase" },
    });
    fireEvent.change(screen.getByTestId("password-repeat"), { target: { value: "another one" } });
    expect(screen.getByText("The two new passwords are not the same.")).toBeTruthy();
    fireEvent.submit(screen.getByTestId("password-form"));
    expect((await screen.findByRole("alert")).textContent).toBe(
      "The two new passwords are not the same.",
    );
  });
});

describe("ConfirmDialog", () => {
  it("asks with the subject's words, Cancel first, and confirms", async () => {
    const onConfirm = vi.fn();
    const onClose = vi.fn();
    renderUi(
      <ConfirmDialog
        testId="dialog"
        busy={false}
        onConfirm={onConfirm}
        onClose={onClose}
        subject={{ title: "Delete Léa?", text: "This cannot be undone.", confirm: "Delete" }}
      />,
    );
    expect(await screen.findByRole("dialog", { name: "Delete Léa?" })).toBeTruthy();
    expect(screen.getByText("This cannot be undone.")).toBeTruthy();
    fireEvent.click(screen.getByTestId("dialog-cancel"));
    expect(onClose).toHaveBeenCalled();
    fireEvent.click(screen.getByRole("button", { name: "Delete" }));
    expect(onConfirm).toHaveBeenCalled();
  });
});
