import { MantineProvider } from "@mantine/core";
import { type RenderResult, render } from "@testing-library/react";
import i18n from "i18next";
import type { ReactElement } from "react";
import { initI18n } from "../i18n";
import { theme } from "../theme/theme";

/** Renders a piece of the web app as the shell does: Mantine's theme and the i18n messages. */
export function renderUi(ui: ReactElement, language: "en" | "fr" | "de" = "en"): RenderResult {
  if (!i18n.isInitialized) initI18n();
  void i18n.changeLanguage(language);
  return render(<MantineProvider theme={theme}>{ui}</MantineProvider>);
}
