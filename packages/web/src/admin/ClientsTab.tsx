import { Divider, Stack, Table, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Notice } from "../account/Notice";
import { ConfirmDialog } from "../ui/ConfirmDialog";
import { ListTable, RowAction } from "../ui/ListTable";
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

  return (
    <Stack gap="lg">
      <Title order={2} fz="h3">
        {t("admin.clients.heading")}
      </Title>
      <Notice notice={notice} testId="admin-clients-notice" />
      <ListTable
        items={clients}
        empty={t("admin.clients.empty")}
        testId="admin-clients-table"
        minWidth={800}
        caption={t("admin.clients.caption")}
        columns={[
          t("admin.clients.name"),
          t("admin.clients.clientId"),
          t("admin.clients.kind"),
          t("admin.clients.operator"),
          t("admin.clients.redirectUris"),
          t("admin.actions"),
        ]}
        row={(client) => (
          <Table.Tr key={client.clientId} data-testid="admin-client-row" data-name={client.name}>
            <Table.Th scope="row" fw={500}>
              {client.name}
            </Table.Th>
            <Table.Td>
              <Text component="code" ff="monospace" size="sm">
                {client.clientId}
              </Text>
            </Table.Td>
            <Table.Td>
              {client.public
                ? t("admin.clients.publicShort")
                : t("admin.clients.confidentialShort")}
            </Table.Td>
            <Table.Td>
              <Tag color={client.firstParty ? "blue" : "grape"}>
                {client.firstParty
                  ? t("admin.clients.firstPartyShort")
                  : t("admin.clients.thirdPartyShort")}
              </Tag>
            </Table.Td>
            <Table.Td style={{ wordBreak: "break-all" }}>{client.redirectUris.join(", ")}</Table.Td>
            <Table.Td>
              <RowAction
                label={t("admin.clients.delete")}
                ariaLabel={t("admin.clients.deleteLabel", { name: client.name })}
                onClick={() => removal.ask(client)}
                testId="admin-client-delete"
              />
            </Table.Td>
          </Table.Tr>
        )}
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
    </Stack>
  );
}
