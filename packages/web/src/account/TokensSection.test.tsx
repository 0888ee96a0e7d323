import { screen, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { renderUi } from "../test/render";
import { TokensSection } from "./TokensSection";

const token = {
  id: "t1",
  name: "ci",
  createdAt: 1,
  expiresAt: null,
  lastUsedAt: null,
  scopes: ["api", "reports"],
};

/** The server's answer to GET /api/v1/account/tokens; every other call fails the test. */
function tokensAnswer(body: unknown) {
  const spy = vi.fn(async (input: string) => {
    expect(input).toBe("/api/v1/account/tokens");
    return new Response(JSON.stringify(body), { status: 200 });
  });
  vi.stubGlobal("fetch", spy);
}

afterEach(() => vi.unstubAllGlobals());

describe("TokensSection", () => {
  it("offers the scopes the server declares: known ones labelled, another by its name", async () => {
    tokensAnswer({
      tokens: [token],
      scopes: [
        { name: "api", adminOnly: false },
        { name: "reports", adminOnly: false },
      ],
    });
    renderUi(<TokensSection />);
    const reports = await screen.findByTestId("token-scope-reports");
    expect(reports.closest(".mantine-Checkbox-root")?.textContent).toBe("reports");
    expect(
      screen.getByTestId("token-scope-api").closest(".mantine-Checkbox-root")?.textContent,
    ).toBe("api: Tandem's REST API");
    // A member is offered no administrator's scope: the server left them out.
    expect(screen.queryByTestId("token-scope-admin")).toBeNull();
    expect(screen.queryByTestId("token-scope-scim")).toBeNull();
    // A token's scopes are listed as the server gave them, a module's own included.
    expect(await screen.findByText("api, reports")).toBeTruthy();
  });

  it("shows a load failure when the answer is not the tokens list", async () => {
    tokensAnswer({ tokens: [token] });
    renderUi(<TokensSection />);
    await waitFor(() => expect(screen.getByTestId("tokens-notice").textContent).not.toBe(""));
    expect(screen.queryByTestId("token-scope-api")).toBeNull();
  });
});
