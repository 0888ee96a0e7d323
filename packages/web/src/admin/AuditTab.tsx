import {
  Button,
  Code,
  Group,
  NativeSelect,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { type FormEvent, useCallback, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { formatTime } from "../account/format";
import { Notice, type NoticeState } from "../account/Notice";
import { webModules } from "../modules";
import { ListTable } from "../ui/ListTable";
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
  const [action, setAction] = useState("");
  const [outcome, setOutcome] = useState("");
  const [who, setWho] = useState("");
  const [from, setFrom] = useState("");
  const [to, setTo] = useState("");
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
    setAction("");
    setOutcome("");
    setWho("");
    setFrom("");
    setTo("");
    setFilters({});
  }

  const last = events?.at(-1);
  return (
    <Stack gap="lg">
      <Title order={2} fz="h3">
        {t("admin.audit.heading")}
      </Title>
      <Notice notice={notice} testId="admin-audit-notice" />
      <form
        onSubmit={apply}
        aria-label={t("admin.audit.filters")}
        data-testid="admin-audit-filters"
      >
        <Stack>
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 5 }}>
            <NativeSelect
              label={t("admin.audit.action")}
              value={action}
              onChange={(e) => setAction(e.currentTarget.value)}
              data={[{ value: "", label: t("admin.audit.anyAction") }, ...auditActions()]}
              data-testid="admin-audit-action"
            />
            <NativeSelect
              label={t("admin.audit.outcome")}
              value={outcome}
              onChange={(e) => setOutcome(e.currentTarget.value)}
              data={[
                { value: "", label: t("admin.audit.anyOutcome") },
                { value: "success", label: t("admin.audit.success") },
                { value: "failure", label: t("admin.audit.failure") },
              ]}
              data-testid="admin-audit-outcome"
            />
            <TextInput
              label={t("admin.audit.who")}
              value={who}
              maxLength={320}
              onChange={(e) => setWho(e.currentTarget.value)}
              data-testid="admin-audit-who"
            />
            <TextInput
              label={t("admin.audit.from")}
              type="date"
              value={from}
              onChange={(e) => setFrom(e.currentTarget.value)}
              data-testid="admin-audit-from"
            />
            <TextInput
              label={t("admin.audit.to")}
              type="date"
              value={to}
              onChange={(e) => setTo(e.currentTarget.value)}
              data-testid="admin-audit-to"
            />
          </SimpleGrid>
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
        minWidth={900}
        verticalSpacing="xs"
        caption={t("admin.audit.caption")}
        columns={[
          t("admin.audit.at"),
          t("admin.audit.action"),
          t("admin.audit.outcome"),
          t("admin.audit.actor"),
          t("admin.audit.subject"),
          t("admin.audit.ip"),
          t("admin.audit.details"),
        ]}
        row={(event) => (
          <Table.Tr
            key={event.id}
            data-testid="admin-audit-row"
            data-action={event.action}
            data-subject={event.subject ?? ""}
          >
            <Table.Td>{formatTime(event.at, i18n.language)}</Table.Td>
            <Table.Td>
              <Code>{event.action}</Code>
            </Table.Td>
            <Table.Td>
              <Tag color={event.outcome === "success" ? "green" : "red"}>
                {event.outcome === "success" ? t("admin.audit.success") : t("admin.audit.failure")}
              </Tag>
            </Table.Td>
            <Table.Td>
              {event.actorEmail ?? (event.details.via === "cli" ? t("admin.audit.operator") : "")}
            </Table.Td>
            <Table.Td style={{ wordBreak: "break-all" }}>{event.subject ?? ""}</Table.Td>
            <Table.Td>{event.ip ?? ""}</Table.Td>
            <Table.Td style={{ wordBreak: "break-all" }}>
              <Text size="xs" ff="monospace">
                {Object.keys(event.details).length > 0 ? JSON.stringify(event.details) : ""}
              </Text>
            </Table.Td>
          </Table.Tr>
        )}
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
    </Stack>
  );
}
