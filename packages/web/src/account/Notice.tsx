import { Alert } from "@mantine/core";
import { IconAlertCircle, IconCircleCheck } from "@tabler/icons-react";
import { useEffect, useRef } from "react";

export type NoticeState = { kind: "success" | "error"; text: string } | null;

/**
 * The outcome of an action, announced (role=status for a success, role=alert for a failure)
 * and focused, so keyboard and screen-reader users land on what happened.
 */
export function Notice({ notice, testId }: { notice: NoticeState; testId: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (notice) ref.current?.focus();
  }, [notice]);
  if (!notice) return null;
  const success = notice.kind === "success";
  return (
    <Alert
      ref={ref}
      tabIndex={-1}
      role={success ? "status" : "alert"}
      color={success ? "green" : "red"}
      variant="light"
      icon={
        success ? <IconCircleCheck aria-hidden="true" /> : <IconAlertCircle aria-hidden="true" />
      }
      data-testid={testId}
    >
      {notice.text}
    </Alert>
  );
}
