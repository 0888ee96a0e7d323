import { act, fireEvent, screen } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { renderUi } from "../test/render";
import { type FormState, useFormValues } from "./Fields";
import { Form } from "./Form";

const initial = { email: "", kind: "a", remember: false, note: "", role: "member" };
type Values = typeof initial;
const roles = [
  { value: "member", label: "Member" },
  { value: "admin", label: "Administrator" },
];
const kinds = ["a", "b"].map((value) => ({ value, label: `Kind ${value.toUpperCase()}` }));

function Registration({ onSave }: { onSave: (values: Values) => void }) {
  const form: FormState<Values> = useFormValues(initial);
  return (
    <Form
      onSubmit={() => {
        onSave(form.values);
        form.reset("email", "remember");
      }}
      submit={{ label: "Register", testId: "reg-save" }}
      testId="reg-form"
      values={form}
      fields={[
        { name: "email", label: "Email", type: "email", required: true },
        { name: "note", label: "Note", kind: "textarea", error: "Too long" },
        { name: "role", label: "Role", kind: "select", options: roles },
        { name: "kind", label: "Kind", kind: "radio", options: kinds },
        { name: "remember", label: "Remember me", kind: "check" },
      ]}
    />
  );
}

describe("Fields declared as data", () => {
  it("labels each field, binds it to its value, and names its test id after it", async () => {
    const onSave = vi.fn();
    renderUi(<Registration onSave={onSave} />);
    const email = screen.getByLabelText(/^Email/) as HTMLInputElement;
    expect(email.type).toBe("email");
    expect(email.required).toBe(true);
    expect(screen.getByTestId("reg-email")).toBe(email);
    fireEvent.change(email, { target: { value: "lea@example.org" } });
    fireEvent.change(screen.getByLabelText("Role"), { target: { value: "admin" } });
    fireEvent.click(screen.getByLabelText("Kind B"));
    fireEvent.click(screen.getByLabelText("Remember me"));
    expect(screen.getByTestId("reg-b")).toBe(screen.getByLabelText("Kind B"));
    expect(screen.getByTestId("reg-note").getAttribute("aria-invalid")).toBe("true");
    expect(screen.getByText("Too long")).toBeTruthy();

    await act(async () => {
      fireEvent.submit(screen.getByTestId("reg-form"));
    });
    expect(onSave).toHaveBeenCalledWith({
      email: "lea@example.org",
      kind: "b",
      remember: true,
      note: "",
      role: "admin",
    });
    // Reset puts back only the fields named: the role chosen stays.
    expect(email.value).toBe("");
    expect((screen.getByLabelText("Remember me") as HTMLInputElement).checked).toBe(false);
    expect((screen.getByLabelText("Role") as HTMLSelectElement).value).toBe("admin");
  });
});
