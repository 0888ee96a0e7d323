import { fireEvent, screen, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { renderUi } from "../test/render";
import { SignIn } from "./SignIn";

const user = { id: "u1", email: "ada@example.org", name: "Ada Lovelace", isAdmin: false };

type Answer = { status: number; body?: unknown };

/** A fetch answering each request from `answers` by "METHOD path", recording what was sent. */
function serve(answers: Record<string, Answer | Answer[]>) {
  const sent: { key: string; body: unknown }[] = [];
  const spy = vi.fn(async (input: string, init?: RequestInit) => {
    const key = `${init?.method ?? "GET"} ${input.split("?")[0]}`;
    sent.push({ key, body: init?.body ? JSON.parse(String(init.body)) : undefined });
    const listed = answers[key];
    const next = Array.isArray(listed) ? listed.shift() : listed;
    if (!next) throw new Error(`unexpected request ${key}`);
    const body = next.body === undefined ? null : JSON.stringify(next.body);
    return new Response(body, { status: next.status });
  });
  vi.stubGlobal("fetch", spy);
  return sent;
}

function typeInto(label: RegExp, value: string) {
  fireEvent.change(screen.getByLabelText(label), { target: { value } });
}

afterEach(() => vi.unstubAllGlobals());

describe("SignIn", () => {
  it("refuses a malformed address on the field itself, without asking the server", async () => {
    const sent = serve({});
    renderUi(<SignIn onSignedIn={() => {}} sessionCheckFailed={false} />);
    typeInto(/^Email address/, "ada@");
    fireEvent.click(screen.getByTestId("sign-in-continue"));
    expect(await screen.findByText(/Enter a valid email address, such as/)).toBeTruthy();
    expect(screen.getByLabelText(/^Email address/).getAttribute("aria-invalid")).toBe("true");
    expect(sent).toEqual([]);
  });

  it("asks for the password of an address that signs in here, and signs in with it", async () => {
    const sent = serve({
      "GET /api/v1/auth/discover": { status: 200, body: { method: "password" } },
      "POST /api/v1/session": [
        { status: 401, body: { error: "invalid_credentials", message: "no" } },
        { status: 200, body: { user } },
      ],
    });
    const onSignedIn = vi.fn();
    renderUi(<SignIn onSignedIn={onSignedIn} sessionCheckFailed={false} />);
    typeInto(/^Email address/, "  ada@example.org ");
    fireEvent.click(screen.getByTestId("sign-in-continue"));
    const password = await screen.findByTestId("sign-in-password");
    await waitFor(() => expect(document.activeElement).toBe(password));

    fireEvent.change(password, { target: { value: "wrong" } });
    fireEvent.click(screen.getByTestId("sign-in-submit"));
    expect(await screen.findByText("The email address or password is incorrect.")).toBeTruthy();
    expect((screen.getByTestId("sign-in-password") as HTMLInputElement).value).toBe("");

    fireEvent.change(screen.getByTestId("sign-in-password"), { target: { value: "right one" } });
    fireEvent.click(screen.getByTestId("sign-in-submit"));
    await waitFor(() => expect(onSignedIn).toHaveBeenCalledWith(user));
    expect(sent.filter((r) => r.key === "POST /api/v1/session").map((r) => r.body)).toEqual([
      { email: "ada@example.org", password: "wrong" },
      { email: "ada@example.org", password: "right one" },
    ]);
  });

  it("goes on to the authenticator code when the account has a second factor", async () => {
    const sent = serve({
      "GET /api/v1/auth/discover": { status: 200, body: { method: "password" } },
      "POST /api/v1/session": {
        status: 200,
        body: { mfaRequired: true, challenge: "c1", methods: ["totp"] },
      },
      "POST /api/v1/session/mfa": { status: 200, body: { user } },
    });
    const onSignedIn = vi.fn();
    renderUi(<SignIn onSignedIn={onSignedIn} sessionCheckFailed={false} />);
    typeInto(/^Email address/, "ada@example.org");
    fireEvent.click(screen.getByTestId("sign-in-continue"));
    fireEvent.change(await screen.findByTestId("sign-in-password"), { target: { value: "pw" } });
    fireEvent.click(screen.getByTestId("sign-in-submit"));
    fireEvent.change(await screen.findByTestId("mfa-code"), { target: { value: " 123456 " } });
    fireEvent.click(screen.getByTestId("mfa-submit"));
    await waitFor(() => expect(onSignedIn).toHaveBeenCalledWith(user));
    expect(sent.at(-1)).toEqual({
      key: "POST /api/v1/session/mfa",
      body: { challenge: "c1", code: "123456" },
    });
  });

  it("marks the address invalid when the server refuses it, and says so when it is down", async () => {
    serve({
      "GET /api/v1/auth/discover": [
        { status: 400, body: { error: "invalid_request", message: "email: invalid" } },
        { status: 503, body: { error: "unavailable", message: "down" } },
      ],
    });
    renderUi(<SignIn onSignedIn={() => {}} sessionCheckFailed={false} />, "fr");
    typeInto(/^Adresse e-mail/, "ada@example.org");
    fireEvent.click(screen.getByTestId("sign-in-continue"));
    await waitFor(() =>
      expect(screen.getByLabelText(/^Adresse e-mail/).getAttribute("aria-invalid")).toBe("true"),
    );
    fireEvent.click(screen.getByTestId("sign-in-continue"));
    expect((await screen.findByTestId("sign-in-error")).textContent).toMatch(/Tandem/);
  });
});
