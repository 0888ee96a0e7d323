import { Badge } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { Collaboration } from "../editor/useCollaboration";

/**
 * Where the person's edits are: on the server, on their way, or kept in this browser until
 * the connection returns. A live region, so the change is announced without moving focus.
 */
export function ConnectionStatus({ collab }: { collab: Collaboration | null }) {
  const { t } = useTranslation();
  const state = !collab
    ? "connecting"
    : collab.connection === "denied"
      ? "denied"
      : collab.connection === "offline"
        ? "offline"
        : collab.connection === "connecting"
          ? "connecting"
          : collab.synced && collab.unsynced === 0
            ? "saved"
            : "saving";
  const colours = {
    saved: "green",
    saving: "blue",
    connecting: "gray",
    offline: "orange",
    denied: "red",
  } as const;
  return (
    <span role="status" aria-live="polite" data-testid="docs-connection" data-state={state}>
      <Badge color={colours[state]} variant="dot" size="lg" tt="none">
        {t(`docs.connection.${state}`)}
      </Badge>
    </span>
  );
}
