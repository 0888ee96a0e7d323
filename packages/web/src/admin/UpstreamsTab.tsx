import {
  Button,
  Divider,
  Group,
  NativeSelect,
  PasswordInput,
  SimpleGrid,
  Stack,
  Table,
  TextInput,
  Title,
} from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Notice } from "../account/Notice";
import { ConfirmDialog } from "../ui/ConfirmDialog";
import { ListTable, RowAction } from "../ui/ListTable";
import { useAsyncList, useConfirmedAction } from "../ui/useListActions";
import { addUpstream, fetchUpstreams, removeUpstream, type Upstream } from "./api";
import { failure, splitList } from "./feedback";

const EMPTY = {
  name: "",
  issuer: "",
  clientId: "",
  clientSecret: "",
  domains: "",
  profile: "oidc" as Upstream["profile"],
  federation: "FR",
};

/** Upstream identity providers: list (no secrets), add, remove. */
export function UpstreamsTab() {
  const { t } = useTranslation();
  const {
    data: upstreams,
    load,
    notice,
    setNotice,
  } = useAsyncList(fetchUpstreams, "admin.loadFailed");
  const [form, setForm] = useState(EMPTY);
  const [adding, setAdding] = useState(false);
  const removal = useConfirmedAction(
    async (upstream: Upstream) => {
      await removeUpstream(upstream.id);
      return t("admin.upstreams.removedNotice", { name: upstream.name });
    },
    setNotice,
    load,
  );
  // One request at a time: adding and removing show each other's progress.
  const busy = adding || removal.busy;

  const field = (key: keyof typeof EMPTY) => ({
    value: form[key],
    onChange: (e: { currentTarget: { value: string } }) => {
      const value = e.currentTarget.value;
      setForm((current) => ({ ...current, [key]: value }));
    },
  });

  async function add(event: FormEvent) {
    event.preventDefault();
    setAdding(true);
    try {
      const added = await addUpstream({
        ...form,
        name: form.name.trim(),
        issuer: form.issuer.trim(),
        clientId: form.clientId.trim(),
        domains: splitList(form.domains),
        federation: form.federation.trim().toUpperCase(),
      });
      setForm(EMPTY);
      setNotice({ kind: "success", text: t("admin.upstreams.addedNotice", { name: added.name }) });
      await load();
    } catch (error) {
      setNotice(failure(t, error));
    } finally {
      setAdding(false);
    }
  }

  return (
    <Stack gap="lg">
      <Title order={2} fz="h3">
        {t("admin.upstreams.heading")}
      </Title>
      <Notice notice={notice} testId="admin-upstreams-notice" />
      <ListTable
        items={upstreams}
        empty={t("admin.upstreams.empty")}
        testId="admin-upstreams-table"
        minWidth={800}
        caption={t("admin.upstreams.caption")}
        columns={[
          t("admin.upstreams.name"),
          t("admin.upstreams.issuer"),
          t("admin.upstreams.domains"),
          t("admin.upstreams.profile"),
          t("admin.upstreams.federation"),
          t("admin.actions"),
        ]}
        row={(upstream) => (
          <Table.Tr key={upstream.id} data-testid="admin-upstream-row">
            <Table.Th scope="row" fw={500}>
              {upstream.name}
            </Table.Th>
            <Table.Td style={{ wordBreak: "break-all" }}>{upstream.issuer}</Table.Td>
            <Table.Td>{upstream.domains.join(", ")}</Table.Td>
            <Table.Td>
              {upstream.profile === "proconnect"
                ? t("admin.upstreams.profileProconnect")
                : t("admin.upstreams.profileOidc")}
            </Table.Td>
            <Table.Td>{upstream.federation}</Table.Td>
            <Table.Td>
              <RowAction
                label={t("admin.upstreams.remove")}
                ariaLabel={t("admin.upstreams.removeLabel", { name: upstream.name })}
                onClick={() => removal.ask(upstream)}
                testId="admin-upstream-remove"
              />
            </Table.Td>
          </Table.Tr>
        )}
      />
      <Divider />
      <form onSubmit={add} data-testid="admin-upstream-form">
        <Stack>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={t("admin.upstreams.name")} required {...field("name")} />
            <TextInput
              label={t("admin.upstreams.issuer")}
              type="url"
              required
              {...field("issuer")}
            />
            <TextInput label={t("admin.upstreams.clientId")} required {...field("clientId")} />
            <PasswordInput
              label={t("admin.upstreams.clientSecret")}
              required
              autoComplete="off"
              {...field("clientSecret")}
            />
            <TextInput
              label={t("admin.upstreams.domains")}
              description={t("admin.upstreams.domainsHint")}
              required
              {...field("domains")}
            />
            <NativeSelect
              label={t("admin.upstreams.profile")}
              data={[
                { value: "oidc", label: t("admin.upstreams.profileOidc") },
                { value: "proconnect", label: t("admin.upstreams.profileProconnect") },
              ]}
              {...field("profile")}
            />
            <TextInput
              label={t("admin.upstreams.federation")}
              required
              minLength={2}
              maxLength={2}
              {...field("federation")}
            />
          </SimpleGrid>
          <Group>
            <Button type="submit" loading={busy} data-testid="admin-upstream-add">
              {t("admin.upstreams.add")}
            </Button>
          </Group>
        </Stack>
      </form>
      <ConfirmDialog
        testId="admin-upstream-dialog"
        busy={busy}
        onConfirm={removal.confirm}
        onClose={removal.cancel}
        subject={
          removal.pending && {
            title: t("admin.upstreams.removeTitle"),
            text: t("admin.upstreams.removeText", { name: removal.pending.name }),
            confirm: t("admin.upstreams.remove"),
          }
        }
      />
    </Stack>
  );
}
