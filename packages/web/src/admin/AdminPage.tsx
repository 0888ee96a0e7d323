import { Alert, Container, Tabs, Title } from "@mantine/core";
import { IconAlertCircle } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { useNavigate, useParams } from "react-router";
import type { User } from "../api/client";
import { useDocumentTitle } from "../shell/useDocumentTitle";
import { AuditTab } from "./AuditTab";
import { ClientsTab } from "./ClientsTab";
import { DocumentsTab } from "./DocumentsTab";
import { OrganisationsTab } from "./OrganisationsTab";
import { UpstreamsTab } from "./UpstreamsTab";
import { UsersTab } from "./UsersTab";

const SECTIONS = ["users", "organisations", "clients", "upstreams", "documents", "audit"] as const;
type Section = (typeof SECTIONS)[number];

/** `/admin/<section>` opens that section, so a link or a reload keeps the admin's place. */
function sectionOf(wanted: string | undefined): Section {
  return SECTIONS.find((s) => s === wanted) ?? "users";
}

/** `/admin`: users, organisations, apps, identity providers and the audit log. */
export function AdminPage({ user }: { user: User }) {
  const { t } = useTranslation();
  useDocumentTitle(t("admin.title"));
  const section = sectionOf(useParams().section);
  const navigate = useNavigate();

  if (!user.isAdmin) {
    return (
      <Container size="sm" py="xl">
        <Alert
          role="alert"
          color="red"
          variant="light"
          icon={<IconAlertCircle aria-hidden="true" />}
          title={t("admin.notAllowedTitle")}
          data-testid="admin-not-allowed"
        >
          {t("admin.notAllowed")}
        </Alert>
      </Container>
    );
  }

  const choose = (value: string | null) => {
    const next = SECTIONS.find((s) => s === value);
    if (!next) return;
    void navigate(`/admin/${next}`, { replace: true });
  };
  const labels: Record<Section, string> = {
    users: t("admin.users.tab"),
    organisations: t("admin.organisations.tab"),
    clients: t("admin.clients.tab"),
    upstreams: t("admin.upstreams.tab"),
    documents: t("admin.documents.tab"),
    audit: t("admin.audit.tab"),
  };
  return (
    <Container size="xl" py="xl" data-testid="admin-page">
      <Title order={1} mb="lg">
        {t("admin.heading")}
      </Title>
      <Tabs value={section} onChange={choose} keepMounted={false}>
        <Tabs.List aria-label={t("admin.sections")} mb="lg">
          {SECTIONS.map((s) => (
            <Tabs.Tab key={s} value={s} data-testid={`admin-tab-${s}`}>
              {labels[s]}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="users">
          <UsersTab currentUserId={user.id} />
        </Tabs.Panel>
        <Tabs.Panel value="organisations">
          <OrganisationsTab />
        </Tabs.Panel>
        <Tabs.Panel value="clients">
          <ClientsTab />
        </Tabs.Panel>
        <Tabs.Panel value="upstreams">
          <UpstreamsTab />
        </Tabs.Panel>
        <Tabs.Panel value="documents">
          <DocumentsTab />
        </Tabs.Panel>
        <Tabs.Panel value="audit">
          <AuditTab />
        </Tabs.Panel>
      </Tabs>
    </Container>
  );
}
