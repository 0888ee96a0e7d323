import type { MenuProps } from "@mantine/core";

/**
 * Shared by the header's menus. Keeping the dropdown out of a portal leaves it inside the
 * `<header>` landmark, so screen-reader users who navigate by landmark still find its items.
 */
export const headerMenuProps = {
  position: "bottom-end",
  withinPortal: false,
  shadow: "md",
} satisfies Partial<MenuProps>;
