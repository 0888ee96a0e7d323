import {
  IconApps,
  IconFileText,
  IconMessages,
  IconSparkles,
  type TablerIcon,
} from "@tabler/icons-react";
import type { TFunction } from "i18next";

interface KnownApp {
  icon: TablerIcon;
  name: (t: TFunction) => string;
  description: (t: TFunction) => string;
}

// Functions rather than key strings keep every lookup checked against the locale type.
const known: Record<string, KnownApp> = {
  docs: {
    icon: IconFileText,
    name: (t) => t("apps.docs"),
    description: (t) => t("apps.docsDescription"),
  },
  chat: {
    icon: IconMessages,
    name: (t) => t("apps.chat"),
    description: (t) => t("apps.chatDescription"),
  },
  assistant: {
    icon: IconSparkles,
    name: (t) => t("apps.assistant"),
    description: (t) => t("apps.assistantDescription"),
  },
};

export interface AppPresentation {
  icon: TablerIcon;
  name: string;
  description: string;
}

/** Name, description and icon of an app; ids this build does not know are shown as they are. */
export function presentApp(id: string, t: TFunction): AppPresentation {
  const app = Object.hasOwn(known, id) ? known[id] : undefined;
  if (!app) {
    const name = id.charAt(0).toUpperCase() + id.slice(1);
    return { icon: IconApps, name, description: t("apps.otherDescription") };
  }
  return { icon: app.icon, name: app.name(t), description: app.description(t) };
}
