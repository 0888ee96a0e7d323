import { Divider, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { ConfirmDialog } from "../ui/ConfirmDialog";
import { ListTable } from "../ui/ListTable";
import { Panel } from "../ui/Panel";
import { useAsyncList, useConfirmedAction } from "../ui/useListActions";
import { type Client, deleteClient, fetchClients } from "./api";
import { ClientForm } from "./ClientForm";
import { Tag } from "./Tag";

/** Apps that sign their users in through Tandem: list, register, delete. */
export function ClientsTab() {
  const { t } = useTranslation();
  const {
    data: clients,
    load,
    notice,
    setNotice,
    afterForm,
  } = useAsyncList(fetchClients, "admin.loadFailed");
  const removal = useConfirmedAction(
    async (client: Client) => {
      await deleteClient(client.clientId);
      return t("admin.clients.deletedNotice", { name: client.name });
    },
    setNotice,
    load,
  );

  const kindOf = (client: Client) =>
    client.public ? t("admin.clients.publicShort") : t("admin.clients.confidentialShort");

  return (
    <Panel heading={t("admin.clients.heading")} notice={notice} noticeTestId="admin-clients-notice">
      <ListTable
        items={clients}
        empty={t("admin.clients.empty")}
        testId="admin-clients-table"
        caption={t("admin.clients.caption")}
        row={{
          key: (client) => client.clientId,
          testId: "admin-client-row",
          data: (client) => ({ "data-name": client.name }),
        }}
        columns={[
          { label: t("admin.clients.name"), cell: (client) => client.name, rowHeader: true },
          { label: t("admin.clients.clientId"), cell: (client) => <ClientId client={client} /> },
          { label: t("admin.clients.kind"), cell: (client) => kindOf(client) },
          { label: t("admin.clients.operator"), cell: (client) => <Operator client={client} /> },
          {
            label: t("admin.clients.redirectUris"),
            cell: (client) => client.redirectUris.join(", "),
            breakAll: true,
          },
        ]}
        actions={(client) => [
          {
            label: t("admin.clients.delete"),
            ariaLabel: t("admin.clients.deleteLabel", { name: client.name }),
            onClick: () => removal.ask(client),
            testId: "admin-client-delete",
          },
        ]}
      />
      <Divider />
      <ClientForm onDone={afterForm} />
      <ConfirmDialog
        testId="admin-client-dialog"
        {...removal.dialog}
        subject={
          removal.pending && {
            title: t("admin.clients.deleteTitle"),
            text: t("admin.clients.deleteText", { name: removal.pending.name }),
            confirm: t("admin.clients.delete"),
          }
        }
      />
    </Panel>
  );
}

const ClientId = ({ client }: { client: Client }) => (
  <Text component="code" ff="monospace" size="sm">
    {client.clientId}
  </Text>
);

/** Who runs the app: this deployment's operator (first party) or someone else. */
function Operator({ client }: { client: Client }) {
  const { t } = useTranslation();
  return (
    <Tag color={client.firstParty ? "blue" : "grape"}>
      {client.firstParty ? t("admin.clients.firstPartyShort") : t("admin.clients.thirdPartyShort")}
    </Tag>
  );
}
