import { Text, Title } from "@mantine/core";
import type { ReactNode, Ref } from "react";
import { Notice, type NoticeState } from "../account/Notice";

interface SectionProps {
  /** The heading's id, which names the section for screen readers. */
  id: string;
  heading: string;
  intro: string;
  /** Lets a row action move the focus back to the heading when its row goes away. */
  headingRef?: Ref<HTMLHeadingElement>;
  testId?: string;
  /** The outcome of the section's loads and actions, shown above its content. */
  notice?: NoticeState;
  noticeTestId?: string;
  children: ReactNode;
}

/** A section of the account page: a level-2 heading that names it, a short intro, its content. */
export function Section({
  id,
  heading,
  intro,
  headingRef,
  testId,
  notice,
  noticeTestId,
  children,
}: SectionProps) {
  return (
    <section aria-labelledby={id} data-testid={testId}>
      <Title
        order={2}
        fz="h3"
        id={id}
        ref={headingRef}
        tabIndex={headingRef ? -1 : undefined}
        mb="xs"
      >
        {heading}
      </Title>
      <Text c="dimmed" mb="md">
        {intro}
      </Text>
      {notice !== undefined && <Notice notice={notice} testId={noticeTestId ?? `${id}-notice`} />}
      {children}
    </section>
  );
}
