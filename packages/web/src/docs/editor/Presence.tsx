import type { HocuspocusProvider } from "@hocuspocus/provider";
import { Avatar, Tooltip, VisuallyHidden } from "@mantine/core";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { initials } from "./userColor";

export interface PresentUser {
  id: string;
  name: string;
  color: string;
}

/** The people in the document now, one entry per person however many tabs they have open. */
export function presentUsers(states: Iterable<Record<string, unknown>>): PresentUser[] {
  const people = new Map<string, PresentUser>();
  for (const state of states) {
    const user = state.user as Partial<PresentUser> | undefined;
    if (!user || typeof user.name !== "string" || typeof user.color !== "string") continue;
    const id = typeof user.id === "string" ? user.id : user.name;
    if (!people.has(id)) people.set(id, { id, name: user.name, color: user.color });
  }
  return [...people.values()];
}

function usePresence(provider: HocuspocusProvider): PresentUser[] {
  const [people, setPeople] = useState<PresentUser[]>([]);
  useEffect(() => {
    const awareness = provider.awareness;
    if (!awareness) return;
    const update = () => setPeople(presentUsers(awareness.getStates().values()));
    update();
    awareness.on("change", update);
    return () => awareness.off("change", update);
  }, [provider]);
  return people;
}

/** Avatars of who is here, the person themself first. */
export function Presence({ provider, selfId }: { provider: HocuspocusProvider; selfId: string }) {
  const { t } = useTranslation();
  const people = usePresence(provider).sort(
    (a, b) => Number(b.id === selfId) - Number(a.id === selfId),
  );
  if (people.length === 0) return null;
  return (
    <section
      aria-label={t("docs.presence.label", { count: people.length })}
      data-testid="docs-presence"
    >
      <Avatar.Group spacing={6} component="ul" style={{ listStyle: "none", margin: 0, padding: 0 }}>
        {people.map((person) => {
          const label =
            person.id === selfId ? t("docs.presence.you", { name: person.name }) : person.name;
          return (
            <Tooltip key={person.id} label={label} withArrow>
              <Avatar
                component="li"
                radius="xl"
                size="md"
                variant="filled"
                styles={{
                  root: { backgroundColor: person.color },
                  placeholder: { color: "#fff", backgroundColor: person.color },
                }}
                data-testid="docs-presence-user"
                data-name={person.name}
              >
                <span aria-hidden="true">{initials(person.name)}</span>
                <VisuallyHidden>{label}</VisuallyHidden>
              </Avatar>
            </Tooltip>
          );
        })}
      </Avatar.Group>
    </section>
  );
}
