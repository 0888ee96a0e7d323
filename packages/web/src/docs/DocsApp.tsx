import "@blocknote/mantine/style.css";
import { Box, Button, Flex, NavLink, Stack } from "@mantine/core";
import { IconFileText, IconHome, IconPlus, IconTrash } from "@tabler/icons-react";
import { type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import type { User } from "../api/client";
import { createDocument } from "./api/documents";
import { DocumentPage } from "./document/DocumentPage";
import { DocsHome } from "./home/DocsHome";
import { TrashView } from "./home/TrashView";
import { Problem } from "./Problem";
import { DOCS_BASE, documentHref, followLink, navigate, useDocsRoute } from "./route";
import { SearchBox } from "./search/SearchBox";
import { PageTree } from "./tree/PageTree";

/** The docs app at /docs: a sidebar (new document, places, search, page tree) and a screen. */
export function DocsApp({ user }: { user: User }) {
  const { t } = useTranslation();
  const route = useDocsRoute();
  const [creating, setCreating] = useState(false);
  const [failed, setFailed] = useState(false);

  async function create() {
    setCreating(true);
    setFailed(false);
    try {
      const doc = await createDocument({});
      navigate(documentHref(doc.id));
    } catch {
      setFailed(true);
    } finally {
      setCreating(false);
    }
  }

  const place = (href: string, label: string, icon: ReactNode, active: boolean) => (
    <NavLink
      variant="filled"
      href={href}
      label={label}
      leftSection={icon}
      active={active}
      aria-current={active ? "page" : undefined}
      onClick={(event) => followLink(event, href)}
    />
  );

  return (
    <Flex gap="md" align="flex-start" direction={{ base: "column", sm: "row" }}>
      <Box
        component="nav"
        aria-label={t("docs.nav.label")}
        w={{ base: "100%", sm: 280 }}
        style={{ flexShrink: 0 }}
        data-testid="docs-sidebar"
      >
        <Stack gap="xs">
          <Button
            leftSection={<IconPlus size={18} aria-hidden="true" />}
            onClick={() => void create()}
            loading={creating}
            data-testid="docs-new"
          >
            {t("docs.nav.newDocument")}
          </Button>
          {failed && <Problem text={t("docs.errors.createFailed")} testId="docs-new-error" />}
          <SearchBox />
          <div>
            {place(
              DOCS_BASE,
              t("docs.nav.home"),
              <IconHome size={18} aria-hidden="true" />,
              route.screen === "home",
            )}
            {place(
              `${DOCS_BASE}/trash`,
              t("docs.nav.trash"),
              <IconTrash size={18} aria-hidden="true" />,
              route.screen === "trash",
            )}
          </div>
          {route.screen === "document" && <PageTree currentId={route.id} />}
        </Stack>
      </Box>
      <Box style={{ flex: 1, minWidth: 0 }} w="100%">
        {route.screen === "home" && <DocsHome />}
        {route.screen === "trash" && <TrashView />}
        {route.screen === "document" && <DocumentPage key={route.id} id={route.id} user={user} />}
        {route.screen === "notFound" && (
          <Problem
            text={t("docs.errors.notFound")}
            testId="docs-not-found"
            icon={<IconFileText aria-hidden="true" />}
          />
        )}
      </Box>
    </Flex>
  );
}
