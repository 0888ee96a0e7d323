import {
  IconApps,
  IconCalendar,
  IconFileText,
  IconFolder,
  IconHome,
  IconMail,
  IconMessageCircle,
  IconMessages,
  IconRobot,
  IconShieldCog,
  IconSparkles,
  IconUserCircle,
  IconVideo,
  type TablerIcon,
} from "@tabler/icons-react";

/**
 * The Tabler icons a module may name for its app (`GET /api/v1/apps`, `icon`). Only these are
 * bundled: importing them by name keeps the other few thousand icons out of the build.
 */
const APP_ICONS: Readonly<Record<string, TablerIcon>> = {
  apps: IconApps,
  calendar: IconCalendar,
  "file-text": IconFileText,
  folder: IconFolder,
  home: IconHome,
  mail: IconMail,
  "message-circle": IconMessageCircle,
  messages: IconMessages,
  robot: IconRobot,
  "shield-cog": IconShieldCog,
  sparkles: IconSparkles,
  "user-circle": IconUserCircle,
  video: IconVideo,
};

/** The icon the server names for an app; a name this build does not know shows a generic one. */
export function appIcon(name: string): TablerIcon {
  return Object.hasOwn(APP_ICONS, name) ? (APP_ICONS[name] as TablerIcon) : IconApps;
}
