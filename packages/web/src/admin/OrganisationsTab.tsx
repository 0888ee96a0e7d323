import {
  Button,
  Checkbox,
  Divider,
  Group,
  SimpleGrid,
  Stack,
  Switch,
  Table,
  TextInput,
  Title,
} from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Notice } from "../account/Notice";
import { ListTable } from "../ui/ListTable";
import { useAsyncList } from "../ui/useListActions";
import {
  createOrganisation,
  fetchOrganisations,
  type Organisation,
  updateOrganisation,
} from "./api";
import { failure } from "./feedback";

/** Organisations: list, create, and whether their members must use a second factor. */
export function OrganisationsTab() {
  const { t } = useTranslation();
  const {
    data: organisations,
    load,
    notice,
    setNotice,
  } = useAsyncList(fetchOrganisations, "admin.loadFailed");
  const [name, setName] = useState("");
  const [country, setCountry] = useState("FR");
  const [identifier, setIdentifier] = useState("");
  const [requireMfa, setRequireMfa] = useState(false);
  const [busy, setBusy] = useState(false);

  async function create(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    try {
      const created = await createOrganisation({
        name: name.trim(),
        country: country.trim().toUpperCase(),
        requireMfa,
        ...(identifier.trim() ? { identifier: identifier.trim() } : {}),
      });
      setName("");
      setIdentifier("");
      setRequireMfa(false);
      setNotice({
        kind: "success",
        text: t("admin.organisations.createdNotice", { name: created.name }),
      });
      await load();
    } catch (error) {
      setNotice(failure(t, error));
    } finally {
      setBusy(false);
    }
  }

  async function toggle(organisation: Organisation, value: boolean) {
    try {
      const updated = await updateOrganisation(organisation.id, { requireMfa: value });
      const key = updated.requireMfa
        ? "admin.organisations.requiredNotice"
        : "admin.organisations.optionalNotice";
      setNotice({ kind: "success", text: t(key, { name: updated.name }) });
      await load();
    } catch (error) {
      setNotice(failure(t, error));
    }
  }

  return (
    <Stack gap="lg">
      <Title order={2} fz="h3">
        {t("admin.organisations.heading")}
      </Title>
      <Notice notice={notice} testId="admin-organisations-notice" />
      <ListTable
        items={organisations}
        empty={t("admin.organisations.empty")}
        testId="admin-organisations-table"
        minWidth={640}
        caption={t("admin.organisations.caption")}
        columns={[
          t("admin.organisations.name"),
          t("admin.organisations.country"),
          t("admin.organisations.identifier"),
          t("admin.organisations.requireMfa"),
        ]}
        row={(organisation) => (
          <Table.Tr
            key={organisation.id}
            data-testid="admin-organisation-row"
            data-name={organisation.name}
          >
            <Table.Th scope="row" fw={500}>
              {organisation.name}
            </Table.Th>
            <Table.Td>{organisation.country}</Table.Td>
            <Table.Td>{organisation.identifier ?? ""}</Table.Td>
            <Table.Td>
              <Switch
                checked={organisation.requireMfa}
                onChange={(e) => void toggle(organisation, e.currentTarget.checked)}
                aria-label={t("admin.organisations.requireMfaLabel", {
                  name: organisation.name,
                })}
                data-testid="admin-organisation-mfa"
              />
            </Table.Td>
          </Table.Tr>
        )}
      />
      <Divider />
      <form onSubmit={create} data-testid="admin-organisation-form">
        <Stack>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput
              label={t("admin.organisations.name")}
              required
              maxLength={200}
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              data-testid="admin-organisation-name"
            />
            <TextInput
              label={t("admin.organisations.country")}
              description={t("admin.organisations.countryHint")}
              required
              minLength={2}
              maxLength={2}
              value={country}
              onChange={(e) => setCountry(e.currentTarget.value)}
              data-testid="admin-organisation-country"
            />
            <TextInput
              label={t("admin.organisations.identifier")}
              description={t("admin.organisations.identifierHint")}
              maxLength={64}
              value={identifier}
              onChange={(e) => setIdentifier(e.currentTarget.value)}
              data-testid="admin-organisation-identifier"
            />
          </SimpleGrid>
          <Checkbox
            label={t("admin.organisations.requireMfa")}
            checked={requireMfa}
            onChange={(e) => setRequireMfa(e.currentTarget.checked)}
            data-testid="admin-organisation-require-mfa"
          />
          <Group>
            <Button type="submit" loading={busy} data-testid="admin-organisation-create">
              {t("admin.organisations.create")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
