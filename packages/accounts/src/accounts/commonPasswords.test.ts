import { dictionary } from "@zxcvbn-ts/language-common";
import { describe, expect, test } from "vitest";
import { isCommonPassword } from "./commonPasswords.js";
import { passwordRefusal } from "./secrets.js";

describe("common passwords", () => {
  test("the list shipped is long enough to matter (ASVS asks for at least the top 3,000)", () => {
    const list = dictionary["passwords-common"];
    expect(list.length).toBeGreaterThan(10_000);
    expect(list.slice(0, 3)).toEqual(["123456", "password", "12345678"]);
  });

  test.each(["password1234", "PassWord1234", "  qwertyuiop123 ", "1Q2W3E4R5T6Y"])(
    "%s is common",
    async (password) => {
      expect(await isCommonPassword(password)).toBe(true);
    },
  );

  test.each(["correct horse battery", "pw-Zx81mQ0aVw3k", "password1234!x"])(
    "%s is not",
    async (password) => {
      expect(await isCommonPassword(password)).toBe(false);
    },
  );

  test("passwordRefusal gives the length problem first, then the list", async () => {
    expect(await passwordRefusal("short")).toBe("password must have at least 12 characters");
    expect(await passwordRefusal("Password1234")).toBe(
      "this password is among the most common passwords; choose another",
    );
    expect(await passwordRefusal("correct horse battery")).toBeNull();
  });
});
