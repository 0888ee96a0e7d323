import { type ComponentProps, ComponentsContext, useComponentsContext } from "@blocknote/react";
import {
  type ComponentType,
  createContext,
  type FocusEvent,
  forwardRef,
  type ReactNode,
  type Ref,
  useContext,
  useMemo,
  useState,
} from "react";
import { useTranslation } from "react-i18next";

type CommentProps = ComponentProps["Comments"]["Comment"];
type Comment = ComponentType<CommentProps & { ref?: Ref<HTMLDivElement> }>;

/** BlockNote's own comment (Mantine's), which the focusable one renders. */
const BaseComment = createContext<Comment | null>(null);

/**
 * Whether the focus came from the keyboard: a click keeps BlockNote's behaviour (the actions
 * follow the mouse), a Tab shows them. Browsers without `:focus-visible` count every focus.
 */
function fromKeyboard(element: Element): boolean {
  try {
    return element.matches(":focus-visible");
  } catch {
    return true;
  }
}

/**
 * A comment that takes the keyboard focus, named after its author, and shows its actions while
 * the focus is on it or on one of its buttons, as it does for a hovering mouse.
 */
const FocusableComment = forwardRef<HTMLDivElement, CommentProps>((props, ref) => {
  const Base = useContext(BaseComment);
  const { t } = useTranslation();
  const [focused, setFocused] = useState(false);
  if (!Base) return null;
  const { authorInfo, timeString } = props;
  const author = authorInfo === "loading" ? [] : [authorInfo.username, timeString];
  const onFocus = (event: FocusEvent<HTMLDivElement>) => setFocused(fromKeyboard(event.target));
  // Leaving for one of its own buttons (or the menu they open) keeps the actions shown.
  const onBlur = (event: FocusEvent<HTMLDivElement>) => {
    const next = event.relatedTarget;
    if (!(next instanceof Node && event.currentTarget.contains(next))) setFocused(false);
  };
  return (
    <article
      aria-label={[t("docs.comments.text"), ...author].join(", ")}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: the keyboard reaches the comment's actions through it; BlockNote shows them only on hover.
      tabIndex={0}
      onFocus={onFocus}
      onBlur={onBlur}
      // The focus ring clears the text and the actions, which sit on the comment's edge.
      style={{ outlineOffset: 4, borderRadius: 4 }}
    >
      <Base {...props} showActions={focused || props.showActions} ref={ref} />
    </article>
  );
});
FocusableComment.displayName = "FocusableComment";

/**
 * BlockNote shows a comment's actions (add a reaction, resolve, re-open, more actions) only
 * while a mouse hovers it, so the keyboard could never reach them. Under this provider each
 * comment is a stop in the tab order, and its actions show while the focus is within it.
 */
export function KeyboardComments({ children }: { children: ReactNode }) {
  const components = useComponentsContext();
  const focusable = useMemo(
    () =>
      components && {
        ...components,
        Comments: { ...components.Comments, Comment: FocusableComment },
      },
    [components],
  );
  if (!components) return children;
  return (
    <BaseComment.Provider value={components.Comments.Comment as Comment}>
      <ComponentsContext.Provider value={focusable}>{children}</ComponentsContext.Provider>
    </BaseComment.Provider>
  );
}
