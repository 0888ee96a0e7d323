import { Badge, type BadgeProps } from "@mantine/core";
import type { ReactNode } from "react";

/**
 * A light badge whose label uses the text colour: Mantine's green, red and grape labels on
 * their pale backgrounds fall short of WCAG AA contrast; the tint still tells them apart.
 */
export function Tag({
  children,
  ...props
}: BadgeProps & { children: ReactNode; "data-testid"?: string }) {
  return (
    <Badge
      variant="light"
      // A narrow table column would otherwise cut the label to "SUCC…".
      styles={{
        root: { minWidth: "fit-content", overflow: "visible" },
        label: { color: "var(--mantine-color-text)", overflow: "visible" },
      }}
      {...props}
    >
      {children}
    </Badge>
  );
}
