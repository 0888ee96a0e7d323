import { createServer } from "node:net";
import {
  createTestBackend,
  runCli,
  type SpawnedTandem,
  spawnTandem,
  type TestBackend,
} from "@tandem/testkit";
import { Secret, TOTP } from "otpauth";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { expectNoSeriousViolations } from "./support/axe.js";
import { haveChromium, launchBrowser, newContext, screenshot } from "./support/browser.js";
import { continueWithEmail, signIn, waitForShell } from "./support/flows.js";

/** A port free now, so the public URL can name it before the server starts. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

/**
 * A software authenticator in the browser itself (Chrome DevTools Protocol): a platform
 * authenticator with resident keys that verifies the user, like a laptop's fingerprint reader.
 */
async function addVirtualAuthenticator(page: Page): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("WebAuthn.enable");
  await cdp.send("WebAuthn.addVirtualAuthenticator", {
    options: {
      protocol: "ctap2",
      transport: "internal",
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      automaticPresenceSimulation: true,
    },
  });
}

async function signOut(page: Page): Promise<void> {
  await page.getByTestId("account-menu").click();
  await page.getByTestId("sign-out").click();
  await page.getByTestId("sign-in-form").waitFor();
}

describe.skipIf(!haveChromium)("passkeys and required enrolment in the browser", () => {
  const password = "correct horse battery staple, twice";
  let backend: TestBackend;
  let server: SpawnedTandem;
  let browser: Browser;
  let url: string;
  const cli = (args: string[], stdin?: string) => runCli(args, backend.env, { stdin });

  beforeAll(async () => {
    // Browsers refuse an IP address as a WebAuthn relying party: the public URL is localhost.
    const port = await freePort();
    url = `http://localhost:${port}`;
    backend = await createTestBackend();
    [server, browser] = await Promise.all([
      spawnTandem({
        ...backend.env,
        TANDEM_HOST: "127.0.0.1",
        PORT: String(port),
        TANDEM_PUBLIC_URL: url,
      }),
      launchBrowser(),
    ]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await backend?.dispose();
  });

  test("a user adds a passkey, then signs in with it after the password and alone", async () => {
    const email = "agent.passkey@example.gouv.fr";
    const added = await cli(
      ["user", "add", "--email", email, "--name", "Sacha Petit", "--password-stdin"],
      password,
    );
    expect(added.code, added.stderr).toBe(0);
    const context = await newContext(browser);
    const page = await context.newPage();
    await addVirtualAuthenticator(page);

    await page.goto(`${url}/account/security`);
    await signIn(page, email, password);
    await waitForShell(page);
    await page.getByTestId("passkeys-none").waitFor();
    await page.getByTestId("passkey-name-input").fill("Test laptop");
    await page.getByTestId("passkey-add").click();
    await page.getByTestId("passkey-name").waitFor();
    await expect(page.getByTestId("passkey-name").textContent()).resolves.toBe("Test laptop");
    await expect(page.getByTestId("passkeys-announcement").textContent()).resolves.toBe(
      "The passkey was added.",
    );
    await expectNoSeriousViolations(page, "the passkeys section");
    await screenshot(page, "passkeys-security-en");

    // After the password, the passkey is the second step.
    await signOut(page);
    await signIn(page, email, password);
    await page.getByTestId("passkey-use").waitFor();
    await expect(page.getByTestId("account-menu").count()).resolves.toBe(0);
    await expectNoSeriousViolations(page, "the passkey step");
    await page.getByTestId("passkey-use").click();
    await waitForShell(page);

    // Passwordless: the discoverable passkey alone, from the e-mail step.
    await signOut(page);
    await page.getByTestId("passkey-sign-in").click();
    await waitForShell(page);
    await context.close();
  });

  test("a member of an organisation that requires MFA enrols an app inline to sign in", async () => {
    const org = await cli([
      "org",
      "add",
      "--name",
      "Ministère exigeant",
      "--country",
      "FR",
      "--require-mfa",
    ]);
    expect(org.code, org.stderr).toBe(0);
    const email = "agent.strict@example.gouv.fr";
    const added = await cli(
      [
        "user",
        "add",
        "--email",
        email,
        "--name",
        "Lou Bernard",
        "--org",
        JSON.parse(org.stdout).id,
        "--password-stdin",
      ],
      password,
    );
    expect(added.code, added.stderr).toBe(0);

    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto(url);
    await continueWithEmail(page, email);
    await page.getByTestId("sign-in-password").fill(password);
    await page.getByTestId("sign-in-submit").click();
    await page.getByTestId("enrolment-step").waitFor();
    await expect(page.getByTestId("account-menu").count()).resolves.toBe(0);
    await expectNoSeriousViolations(page, "the enrolment step");
    await page.getByTestId("enrol-app").click();
    const secret = ((await page.getByTestId("enrol-secret").textContent()) ?? "").replace(
      /\s/g,
      "",
    );
    const totp = new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30 });
    await page.getByTestId("enrol-code").fill(totp.generate());
    await page.getByTestId("enrol-confirm").click();
    await page.getByTestId("enrol-recovery-codes").waitFor();
    await expect(page.getByTestId("enrol-recovery-codes").locator("li").count()).resolves.toBe(10);
    await screenshot(page, "passkeys-enrolment-codes-en");
    await page.getByTestId("enrol-continue").click();
    await waitForShell(page);

    // The security page makes ten new recovery codes for a current code (the next step's:
    // the enrolment used this one).
    await page.goto(`${url}/account/security`);
    await page.getByTestId("recovery-regenerate").click();
    await page
      .getByTestId("recovery-regenerate-code")
      .fill(totp.generate({ timestamp: Date.now() + 30_000 }));
    await page.getByTestId("recovery-regenerate-confirm").click();
    await page.getByTestId("recovery-codes-new").waitFor();
    await expect(page.getByTestId("recovery-codes-new").locator("li").count()).resolves.toBe(10);
    await page.getByTestId("recovery-regenerated-saved").click();
    await expect(page.getByTestId("mfa-status").textContent()).resolves.toContain(
      "Recovery codes left: 10",
    );
    await context.close();
  });
});
