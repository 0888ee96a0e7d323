import { Stack, Text, Title } from "@mantine/core";
import type { ReactNode } from "react";
import { Notice, type NoticeState } from "../account/Notice";

interface PanelProps {
  heading: string;
  intro?: string;
  /** The outcome of the panel's loads and actions, shown under its heading. */
  notice: NoticeState;
  noticeTestId: string;
  children: ReactNode;
}

/** A tab of the admin page: its heading, the outcome of what was just done, its content. */
export function Panel({ heading, intro, notice, noticeTestId, children }: PanelProps) {
  return (
    <Stack gap="lg">
      <Title order={2} fz="h3">
        {heading}
      </Title>
      {intro !== undefined && <Text>{intro}</Text>}
      <Notice notice={notice} testId={noticeTestId} />
      {children}
    </Stack>
  );
}
