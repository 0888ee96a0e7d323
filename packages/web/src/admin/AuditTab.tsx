import { Button, Code, Group, Stack, Text } from "@mantine/core";
import { type FormEvent, useCallback, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { formatTime } from "../account/format";
import type { NoticeState } from "../account/Notice";
import { webModules } from "../modules";
import { Fields, useFormValues } from "../ui/Fields";
import { ListTable } from "../ui/ListTable";
import { Panel } from "../ui/Panel";
import { type AuditEvent, type AuditFilters, fetchAudit } from "./api";
import { Tag } from "./Tag";

const PAGE = 50;

/** The audit actions the filter offers: those each web module's server side declares. */
export function auditActions(): string[] {
  return [...new Set(webModules.flatMap((module) => module.auditActions ?? []))];
}

/** A calendar day typed in a date field, as the local midnight that starts it. */
function dayStart(value: string): number | undefined {
  if (!value) return undefined;
  const [year, month, day] = value.split("-").map(Number);
  return new Date(year ?? 1970, (month ?? 1) - 1, day ?? 1).getTime();
}

const DAY = 86_400_000;

/** The security audit log, newest first, with filters and "older" paging. */
export function AuditTab() {
  const { t, i18n } = useTranslation();
  const form = useFormValues({ action: "", outcome: "", who: "", from: "", to: "" });
  const [filters, setFilters] = useState<AuditFilters>({});
  const [events, setEvents] = useState<AuditEvent[] | null>(null);
  const [more, setMore] = useState(false);
  const [notice, setNotice] = useState<NoticeState>(null);

  const load = useCallback(
    async (before?: number) => {
      try {
        const page = await fetchAudit({ ...filters, before }, PAGE);
        setEvents((current) => (before && current ? [...current, ...page] : page));
        setMore(page.length === PAGE);
      } catch {
        setNotice({ kind: "error", text: t("admin.loadFailed") });
      }
    },
    [filters, t],
  );

  useEffect(() => {
    void load();
  }, [load]);

  function apply(event: FormEvent) {
    event.preventDefault();
    const { action, outcome, who, from, to } = form.values;
    const until = dayStart(to);
    setFilters({
      action: action || undefined,
      outcome: outcome === "success" || outcome === "failure" ? outcome : undefined,
      who: who.trim() || undefined,
      since: dayStart(from),
      // "To" includes its whole day.
      until: until === undefined ? undefined : until + DAY,
    });
  }

  function clear() {
    form.reset();
    setFilters({});
  }

  const last = events?.at(-1);
  // An action of the command line has no account behind it: the operator did it.
  const actorOf = (event: AuditEvent) =>
    event.actorEmail ?? (event.details.via === "cli" ? t("admin.audit.operator") : "");

  return (
    <Panel heading={t("admin.audit.heading")} notice={notice} noticeTestId="admin-audit-notice">
      <form
        onSubmit={apply}
        aria-label={t("admin.audit.filters")}
        data-testid="admin-audit-filters"
      >
        <Stack>
          <Fields
            form={form}
            testIdPrefix="admin-audit"
            cols={{ base: 1, sm: 2, lg: 5 }}
            fields={[
              {
                name: "action",
                label: t("admin.audit.action"),
                kind: "select",
                options: [
                  { value: "", label: t("admin.audit.anyAction") },
                  ...auditActions().map((action) => ({ value: action, label: action })),
                ],
              },
              {
                name: "outcome",
                label: t("admin.audit.outcome"),
                kind: "select",
                options: [
                  { value: "", label: t("admin.audit.anyOutcome") },
                  { value: "success", label: t("admin.audit.success") },
                  { value: "failure", label: t("admin.audit.failure") },
                ],
              },
              { name: "who", label: t("admin.audit.who"), maxLength: 320 },
              { name: "from", label: t("admin.audit.from"), type: "date" },
              { name: "to", label: t("admin.audit.to"), type: "date" },
            ]}
          />
          <Group>
            <Button type="submit" data-testid="admin-audit-apply">
              {t("admin.audit.apply")}
            </Button>
            <Button variant="default" onClick={clear} data-testid="admin-audit-clear">
              {t("admin.audit.clear")}
            </Button>
          </Group>
        </Stack>
      </form>
      <ListTable
        items={events}
        empty={t("admin.audit.empty")}
        emptyTestId="admin-audit-empty"
        testId="admin-audit-table"
        verticalSpacing="xs"
        caption={t("admin.audit.caption")}
        row={{
          key: (event) => event.id,
          testId: "admin-audit-row",
          data: (event) => ({ "data-action": event.action, "data-subject": event.subject ?? "" }),
        }}
        columns={[
          { label: t("admin.audit.at"), cell: (event) => formatTime(event.at, i18n.language) },
          { label: t("admin.audit.action"), cell: (event) => <Code>{event.action}</Code> },
          { label: t("admin.audit.outcome"), cell: (event) => <Outcome event={event} /> },
          { label: t("admin.audit.actor"), cell: actorOf },
          { label: t("admin.audit.subject"), cell: (event) => event.subject ?? "", breakAll: true },
          { label: t("admin.audit.ip"), cell: (event) => event.ip ?? "" },
          { label: t("admin.audit.details"), cell: detailsOf, breakAll: true },
        ]}
      />
      {more && last && (
        <Group>
          <Button
            variant="default"
            onClick={() => void load(last.at)}
            data-testid="admin-audit-older"
          >
            {t("admin.audit.older")}
          </Button>
        </Group>
      )}
    </Panel>
  );
}

function Outcome({ event }: { event: AuditEvent }) {
  const { t } = useTranslation();
  const success = event.outcome === "success";
  return (
    <Tag color={success ? "green" : "red"}>
      {success ? t("admin.audit.success") : t("admin.audit.failure")}
    </Tag>
  );
}

const detailsOf = (event: AuditEvent) => (
  <Text size="xs" ff="monospace">
    {Object.keys(event.details).length > 0 ? JSON.stringify(event.details) : ""}
  </Text>
);
