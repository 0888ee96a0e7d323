import {
  type CSSVariablesResolver,
  createTheme,
  defaultCssVariablesResolver,
  localStorageColorSchemeManager,
  Menu,
} from "@mantine/core";

export const theme = createTheme({
  primaryColor: "blue",
  // Shade 8 keeps white button text above the 4.5:1 contrast that WCAG AA asks for;
  // Mantine's default shade 6 does not.
  primaryShade: { light: 8, dark: 8 },
  defaultRadius: "md",
  cursorType: "pointer",
  headings: { fontWeight: "650" },
  components: {
    Menu: Menu.extend({
      // The focus placeholder is a role="presentation" child of role="menu", which ARIA
      // forbids (axe: aria-required-children); arrow keys still reach the first item.
      defaultProps: { withInitialFocusPlaceholder: false },
    }),
  },
});

/**
 * Mantine's defaults for dimmed, placeholder and error text fall below 4.5:1 contrast on
 * their backgrounds; a public service has to meet WCAG AA, so they are raised here.
 */
export const cssVariablesResolver: CSSVariablesResolver = (resolvedTheme) => {
  const defaults = defaultCssVariablesResolver(resolvedTheme);
  return {
    variables: defaults.variables,
    light: {
      ...defaults.light,
      "--mantine-color-dimmed": "var(--mantine-color-gray-7)",
      "--mantine-color-placeholder": "var(--mantine-color-gray-6)",
      "--mantine-color-error": "var(--mantine-color-red-9)",
      "--tandem-page-background": "var(--mantine-color-gray-0)",
    },
    dark: {
      ...defaults.dark,
      "--mantine-color-dimmed": "var(--mantine-color-dark-1)",
      "--mantine-color-placeholder": "var(--mantine-color-dark-2)",
      "--mantine-color-error": "var(--mantine-color-red-4)",
      "--tandem-page-background": "var(--mantine-color-dark-8)",
    },
  };
};

// A color scheme script in index.html would be inline, which the CSP forbids; reading
// the choice from the bundle instead costs nothing visible since the page is empty until then.
export const colorSchemeManager = localStorageColorSchemeManager({ key: "tandem.color-scheme" });
