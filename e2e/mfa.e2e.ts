import { runCli } from "@tandem/testkit";
import { Secret, TOTP } from "otpauth";
import { beforeAll, describe, expect, test } from "vitest";
import { expectNoSeriousViolations } from "./support/axe.js";
import { haveChromium, newContext, screenshot, watchProblems } from "./support/browser.js";
import { signIn, waitForShell } from "./support/flows.js";
import { useSuite } from "./support/tandem.js";

/** What an authenticator app shows for this secret, `steps` 30-second steps from now. */
function codeFor(secret: string, steps = 0): string {
  const totp = new TOTP({
    algorithm: "SHA1",
    digits: 6,
    period: 30,
    secret: Secret.fromBase32(secret),
  });
  return totp.generate({ timestamp: Date.now() + steps * 30_000 });
}

describe.skipIf(!haveChromium)("two-step verification with an authenticator app", () => {
  const suite = useSuite();
  // A user added by the operator's CLI, with an address the sign-in page's first step accepts.
  const email = "agent.mfa@example.gouv.fr";
  const password = "correct horse battery staple, twice";

  beforeAll(async () => {
    const added = await runCli(
      ["user", "add", "--email", email, "--name", "Camille Martin", "--password-stdin"],
      suite.tandem.env,
      { stdin: password },
    );
    expect(added.code, `${added.stdout}\n${added.stderr}`).toBe(0);
  });

  test("a user sets up TOTP, signs out, and signs in with e-mail, password and code", async () => {
    const context = await newContext(suite.browser);
    const page = await context.newPage();
    const { problems } = await watchProblems(page, [
      { path: "/api/v1/me", status: 401 },
      { path: "/api/v1/session/mfa", status: 401 },
    ]);

    await page.goto(`${suite.tandem.url}/account/security`);
    await signIn(page, email, password);
    await waitForShell(page);
    await page.getByTestId("second-factors").waitFor();
    await expect(page.title()).resolves.toBe("Security · Tandem");

    await page.getByTestId("totp-enrol").click();
    const qr = page.getByTestId("totp-qr");
    await qr.waitFor();
    expect(await qr.getAttribute("alt")).toBe("QR code to add Tandem to your authenticator app");
    expect(await qr.getAttribute("src")).toMatch(/^data:image\/png;base64,/);
    // The image has loaded (the CSP allows data: images) and has a size.
    await page.waitForFunction(
      () =>
        (document.querySelector('[data-testid="totp-qr"]') as HTMLImageElement)?.naturalWidth > 0,
    );
    await expectNoSeriousViolations(page, "the enrolment screen");
    await screenshot(page, "mfa-enrol-en");

    const secret = ((await page.getByTestId("totp-secret").textContent()) ?? "").replace(/\s/g, "");
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    await page.getByTestId("totp-confirm-code").fill(codeFor(secret));
    await page.getByTestId("totp-confirm").click();
    const codes = page.getByTestId("recovery-codes").locator("li");
    await page.getByTestId("recovery-codes").waitFor();
    await expect(codes.count()).resolves.toBe(10);
    await expect(page.getByTestId("mfa-announcement").textContent()).resolves.toBe(
      "Two-step verification is on.",
    );
    // Focus moved to the new step's heading, so a screen reader starts reading there.
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe(
      "Your recovery codes",
    );
    await page.getByTestId("recovery-codes-saved").click();
    await page.getByTestId("totp-disable-code").waitFor();
    await expect(page.getByTestId("mfa-status").textContent()).resolves.toContain(
      "Recovery codes left: 10",
    );

    await page.getByTestId("account-menu").click();
    await page.getByTestId("sign-out").click();
    await page.getByTestId("sign-in-form").waitFor();

    await signIn(page, email, password);
    const codeField = page.getByTestId("mfa-code");
    await codeField.waitFor();
    expect(await codeField.getAttribute("autocomplete")).toBe("one-time-code");
    expect(await codeField.getAttribute("inputmode")).toBe("numeric");
    await expect(
      page.evaluate(() => document.activeElement?.getAttribute("data-testid")),
    ).resolves.toBe("mfa-code");
    await expect(page.getByTestId("account-menu").count()).resolves.toBe(0);
    await expectNoSeriousViolations(page, "the code step");

    await codeField.fill("000000");
    await page.getByTestId("mfa-submit").click();
    const alert = page.getByTestId("sign-in-error");
    await alert.waitFor();
    expect(await alert.textContent()).toContain("This code is incorrect or was already used.");

    // The confirming code's step is used: the app's next code signs in.
    await codeField.fill(codeFor(secret, 1));
    await page.getByTestId("mfa-submit").click();
    await waitForShell(page);
    const session = (await context.cookies(suite.tandem.url)).find(
      (c) => c.name === "tandem_session",
    );
    expect(session).toBeDefined();

    expect(problems, problems.join("\n")).toEqual([]);
    await context.close();
  });

  test("the code step offers a recovery code instead, in French too", async () => {
    const context = await newContext(suite.browser, { language: "fr" });
    const page = await context.newPage();
    const { problems } = await watchProblems(page);
    await page.goto(suite.tandem.url);
    await signIn(page, email, password);
    await page.getByTestId("mfa-code").waitFor();
    await expect(page.getByText("Code d’authentification").count()).resolves.toBe(1);
    await page.getByTestId("mfa-switch").click();
    await expect(page.getByLabel("Code de récupération").count()).resolves.toBe(1);
    expect(await page.getByTestId("mfa-code").getAttribute("inputmode")).toBeNull();
    await expectNoSeriousViolations(page, "the recovery-code step");
    expect(problems, problems.join("\n")).toEqual([]);
    await context.close();
  });
});
