import { Button, Loader, Table, Text, VisuallyHidden } from "@mantine/core";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import type { Access } from "../api/sharing";

/** How an access is named: the account's name and address when the server gives them. */
function who(access: Access, t: TFunction): string {
  if (access.name && access.email) return `${access.name} (${access.email})`;
  const known = access.email ?? access.name;
  if (known) return known;
  return access.groupId
    ? t("docs.share.group", { id: access.groupId })
    : t("docs.share.account", { id: access.userId ?? "" });
}

export function AccessList({
  accesses,
  onRemove,
}: {
  accesses: Access[] | null;
  onRemove: (access: Access) => void;
}) {
  const { t } = useTranslation();
  if (!accesses) return <Loader size="sm" role="status" aria-label={t("docs.loading")} />;
  if (accesses.length === 0) return <Text c="dimmed">{t("docs.share.nobody")}</Text>;
  return (
    <Table data-testid="docs-share-list">
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{t("docs.share.who")}</Table.Th>
          <Table.Th scope="col">{t("docs.share.role")}</Table.Th>
          <Table.Th scope="col">
            <VisuallyHidden>{t("docs.share.actions")}</VisuallyHidden>
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {accesses.map((access) => {
          const name = who(access, t);
          return (
            <Table.Tr key={access.id} data-testid="docs-share-access">
              <Table.Td style={{ wordBreak: "break-all" }}>{name}</Table.Td>
              <Table.Td>{t(`docs.roles.${access.role}`)}</Table.Td>
              <Table.Td>
                <Button
                  size="compact-sm"
                  variant="subtle"
                  color="red"
                  onClick={() => onRemove(access)}
                  aria-label={t("docs.share.removeNamed", { name })}
                  data-testid="docs-share-remove"
                >
                  {t("docs.share.remove")}
                </Button>
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}
