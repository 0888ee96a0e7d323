import { Divider } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ConfirmDialog } from "../ui/ConfirmDialog";
import { useFormValues } from "../ui/Fields";
import { Form } from "../ui/Form";
import { ListTable } from "../ui/ListTable";
import { Panel } from "../ui/Panel";
import { useAsyncList, useConfirmedAction } from "../ui/useListActions";
import { addUpstream, fetchUpstreams, removeUpstream, type Upstream } from "./api";
import { failure, splitList } from "./feedback";

/** Upstream identity providers: list (no secrets), add, remove. */
export function UpstreamsTab() {
  const { t } = useTranslation();
  const {
    data: upstreams,
    load,
    notice,
    setNotice,
  } = useAsyncList(fetchUpstreams, "admin.loadFailed");
  const form = useFormValues({
    name: "",
    issuer: "",
    clientId: "",
    clientSecret: "",
    domains: "",
    profile: "oidc",
    federation: "FR",
  });
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

  async function add() {
    const { values } = form;
    setAdding(true);
    try {
      const added = await addUpstream({
        ...values,
        name: values.name.trim(),
        issuer: values.issuer.trim(),
        clientId: values.clientId.trim(),
        domains: splitList(values.domains),
        profile: values.profile === "proconnect" ? "proconnect" : "oidc",
        federation: values.federation.trim().toUpperCase(),
      });
      form.reset();
      setNotice({ kind: "success", text: t("admin.upstreams.addedNotice", { name: added.name }) });
      await load();
    } finally {
      setAdding(false);
    }
  }

  const profileName = (profile: Upstream["profile"]) =>
    profile === "proconnect"
      ? t("admin.upstreams.profileProconnect")
      : t("admin.upstreams.profileOidc");

  return (
    <Panel
      heading={t("admin.upstreams.heading")}
      notice={notice}
      noticeTestId="admin-upstreams-notice"
    >
      <ListTable
        items={upstreams}
        empty={t("admin.upstreams.empty")}
        testId="admin-upstreams-table"
        caption={t("admin.upstreams.caption")}
        row={{ key: (upstream) => upstream.id, testId: "admin-upstream-row" }}
        columns={[
          { label: t("admin.upstreams.name"), cell: (upstream) => upstream.name, rowHeader: true },
          {
            label: t("admin.upstreams.issuer"),
            cell: (upstream) => upstream.issuer,
            breakAll: true,
          },
          { label: t("admin.upstreams.domains"), cell: (upstream) => upstream.domains.join(", ") },
          {
            label: t("admin.upstreams.profile"),
            cell: (upstream) => profileName(upstream.profile),
          },
          { label: t("admin.upstreams.federation"), cell: (upstream) => upstream.federation },
        ]}
        actions={(upstream) => [
          {
            label: t("admin.upstreams.remove"),
            ariaLabel: t("admin.upstreams.removeLabel", { name: upstream.name }),
            onClick: () => removal.ask(upstream),
            testId: "admin-upstream-remove",
          },
        ]}
      />
      <Divider />
      <Form
        onSubmit={add}
        onError={(error) => setNotice(failure(t, error))}
        submit={{ label: t("admin.upstreams.add"), testId: "admin-upstream-add" }}
        testId="admin-upstream-form"
        busy={busy}
        values={form}
        cols={2}
        fields={[
          { name: "name", label: t("admin.upstreams.name"), required: true },
          { name: "issuer", label: t("admin.upstreams.issuer"), type: "url", required: true },
          { name: "clientId", label: t("admin.upstreams.clientId"), required: true },
          {
            name: "clientSecret",
            label: t("admin.upstreams.clientSecret"),
            kind: "password",
            required: true,
            autoComplete: "off",
          },
          {
            name: "domains",
            label: t("admin.upstreams.domains"),
            description: t("admin.upstreams.domainsHint"),
            required: true,
          },
          {
            name: "profile",
            label: t("admin.upstreams.profile"),
            kind: "select",
            options: [
              { value: "oidc", label: profileName("oidc") },
              { value: "proconnect", label: profileName("proconnect") },
            ],
          },
          {
            name: "federation",
            label: t("admin.upstreams.federation"),
            required: true,
            minLength: 2,
            maxLength: 2,
          },
        ]}
      ></Form>
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
    </Panel>
  );
}
