import { Button, Divider, Group, TextInput } from "@mantine/core";
import { type FormEvent, useCallback, useState } from "react";
import { useTranslation } from "react-i18next";
import { formatTime } from "../account/format";
import { ConfirmDialog } from "../ui/ConfirmDialog";
import { ListTable } from "../ui/ListTable";
import { Panel } from "../ui/Panel";
import { useAsyncList, useConfirmedAction } from "../ui/useListActions";
import { type AdminUser, disableUser, fetchUsers, resetSecondFactors } from "./api";
import { NewUserForm } from "./NewUserForm";
import { Tag } from "./Tag";

const PAGE = 25;

type Pending = { kind: "disable" | "reset"; user: AdminUser };

/** Accounts: search, page, create, disable, reset second factors. */
export function UsersTab({ currentUserId }: { currentUserId: string }) {
  const { t, i18n } = useTranslation();
  const [typed, setTyped] = useState("");
  const [query, setQuery] = useState("");
  const [offset, setOffset] = useState(0);
  const fetchPage = useCallback(() => fetchUsers(query, offset, PAGE), [query, offset]);
  const {
    data: page,
    load,
    notice,
    setNotice,
    afterForm,
  } = useAsyncList(fetchPage, "admin.loadFailed");
  const action = useConfirmedAction(
    async ({ kind, user }: Pending) => {
      if (kind === "disable") await disableUser(user.id);
      else await resetSecondFactors(user.id);
      const key = kind === "disable" ? "admin.users.disabledNotice" : "admin.users.resetNotice";
      return t(key, { email: user.email });
    },
    setNotice,
    load,
  );
  const pending = action.pending;

  function search(event: FormEvent) {
    event.preventDefault();
    setOffset(0);
    setQuery(typed.trim());
  }

  const from = page && page.total > 0 ? offset + 1 : 0;
  const to = page ? offset + page.users.length : 0;
  return (
    <Panel heading={t("admin.users.heading")} notice={notice} noticeTestId="admin-users-notice">
      <form onSubmit={search} aria-label={t("admin.users.search")}>
        <Group align="end">
          <TextInput
            label={t("admin.users.search")}
            type="search"
            value={typed}
            onChange={(e) => setTyped(e.currentTarget.value)}
            data-testid="admin-user-search"
          />
          <Button type="submit" variant="default" data-testid="admin-user-search-submit">
            {t("admin.users.searchSubmit")}
          </Button>
        </Group>
      </form>
      <ListTable
        items={page?.users ?? null}
        empty={t("admin.users.empty")}
        emptyTestId="admin-users-empty"
        testId="admin-users-table"
        caption={page && t("admin.users.caption", { from, to, total: page.total })}
        row={{
          key: (user) => user.id,
          testId: "admin-user-row",
          data: (user) => ({ "data-email": user.email }),
        }}
        columns={[
          { label: t("admin.users.email"), cell: (user) => user.email, rowHeader: true },
          { label: t("admin.users.name"), cell: (user) => user.name },
          { label: t("admin.users.organisation"), cell: (user) => user.organisation?.name ?? "" },
          {
            label: t("admin.users.role"),
            cell: (user) => (user.isAdmin ? t("admin.users.admin") : t("admin.users.member")),
          },
          { label: t("admin.users.status"), cell: (user) => <Status user={user} /> },
          {
            label: t("admin.users.created"),
            cell: (user) => formatTime(user.createdAt, i18n.language),
          },
        ]}
        actions={(user) => [
          !user.disabled &&
            user.id !== currentUserId && {
              label: t("admin.users.disable"),
              ariaLabel: t("admin.users.disableLabel", { email: user.email }),
              onClick: () => action.ask({ kind: "disable", user }),
              testId: "admin-user-disable",
            },
          {
            label: t("admin.users.reset"),
            ariaLabel: t("admin.users.resetLabel", { email: user.email }),
            onClick: () => action.ask({ kind: "reset", user }),
            testId: "admin-user-reset",
          },
        ]}
      />
      {page && page.total > PAGE && (
        <Group>
          <Button
            variant="default"
            disabled={offset === 0}
            onClick={() => setOffset(Math.max(0, offset - PAGE))}
          >
            {t("admin.previous")}
          </Button>
          <Button
            variant="default"
            disabled={to >= page.total}
            onClick={() => setOffset(offset + PAGE)}
          >
            {t("admin.next")}
          </Button>
        </Group>
      )}
      <Divider />
      <NewUserForm onDone={afterForm} />
      <ConfirmDialog
        testId="admin-user-dialog"
        {...action.dialog}
        subject={
          pending &&
          (pending.kind === "disable"
            ? {
                title: t("admin.users.disableTitle"),
                text: t("admin.users.disableText", { email: pending.user.email }),
                confirm: t("admin.users.disable"),
              }
            : {
                title: t("admin.users.resetTitle"),
                text: t("admin.users.resetText", { email: pending.user.email }),
                confirm: t("admin.users.reset"),
              })
        }
      />
    </Panel>
  );
}

function Status({ user }: { user: AdminUser }) {
  const { t } = useTranslation();
  return (
    <Tag color={user.disabled ? "gray" : "green"} data-testid="admin-user-status">
      {user.disabled ? t("admin.users.disabled") : t("admin.users.active")}
    </Tag>
  );
}
