import { type ComponentProps, ComponentsContext, useComponentsContext } from "@blocknote/react";
import { Popover } from "@mantine/core";
import {
  type ComponentType,
  createContext,
  forwardRef,
  type ReactNode,
  type Ref,
  useContext,
  useMemo,
} from "react";

type ButtonProps = ComponentProps["Generic"]["Toolbar"]["Button"];
type Button = ComponentType<ButtonProps & { ref?: Ref<HTMLButtonElement> }>;

/** BlockNote's own toolbar button (Mantine's), which the named one renders. */
const BaseButton = createContext<Button | null>(null);

/** The ref is passed on because menus and pickers anchor on the button. */
const NamedButton = forwardRef<HTMLButtonElement, ButtonProps>((props, ref) => {
  const Base = useContext(BaseButton);
  if (!Base) return null;
  const named = { ...props, label: props.label ?? props.mainTooltip } as ButtonProps;
  return <Base {...named} ref={ref} />;
});
NamedButton.displayName = "NamedToolbarButton";

/**
 * The emoji picker's popover, as BlockNote's Mantine one but without popup roles: its trigger
 * is a plain div around the "Add reaction" button, and aria-expanded or aria-haspopup are not
 * allowed on a div (axe: critical). The button inside keeps its name.
 */
function PopoverWithoutRoles(props: ComponentProps["Generic"]["Popover"]["Root"]) {
  const { open, onOpenChange, position, portalRoot, children } = props;
  return (
    <Popover
      middlewares={{ size: { padding: 20 } }}
      withinPortal={!!portalRoot}
      portalProps={portalRoot ? { target: portalRoot } : undefined}
      opened={open}
      onChange={onOpenChange}
      position={position}
      withRoles={false}
    >
      {children}
    </Popover>
  );
}

/**
 * BlockNote's comment actions (add a reaction, resolve, re-open, more actions) are icon buttons
 * named only by a tooltip, which assistive technologies do not read: a screen reader announced
 * "button". Under this provider a toolbar button without a label of its own takes its tooltip as
 * its name, and the emoji picker's trigger carries no popup roles.
 */
export function NamedToolbarButtons({ children }: { children: ReactNode }) {
  const components = useComponentsContext();
  const named = useMemo(
    () =>
      components && {
        ...components,
        Generic: {
          ...components.Generic,
          Toolbar: { ...components.Generic.Toolbar, Button: NamedButton },
          Popover: { ...components.Generic.Popover, Root: PopoverWithoutRoles },
        },
      },
    [components],
  );
  if (!components) return children;
  return (
    <BaseButton.Provider value={components.Generic.Toolbar.Button as Button}>
      <ComponentsContext.Provider value={named}>{children}</ComponentsContext.Provider>
    </BaseButton.Provider>
  );
}
