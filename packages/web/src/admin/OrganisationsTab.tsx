import { Divider, SimpleGrid, Stack, Switch, Table, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Notice } from "../account/Notice";
import { CheckField, Form, TextField } from "../ui/Form";
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

  async function create() {
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
      <Form
        onSubmit={create}
        onError={(error) => setNotice(failure(t, error))}
        submitLabel={t("admin.organisations.create")}
        testId="admin-organisation-form"
        submitTestId="admin-organisation-create"
      >
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextField
            label={t("admin.organisations.name")}
            required
            maxLength={200}
            value={name}
            onValue={setName}
            testId="admin-organisation-name"
          />
          <TextField
            label={t("admin.organisations.country")}
            description={t("admin.organisations.countryHint")}
            required
            minLength={2}
            maxLength={2}
            value={country}
            onValue={setCountry}
            testId="admin-organisation-country"
          />
          <TextField
            label={t("admin.organisations.identifier")}
            description={t("admin.organisations.identifierHint")}
            maxLength={64}
            value={identifier}
            onValue={setIdentifier}
            testId="admin-organisation-identifier"
          />
        </SimpleGrid>
        <CheckField
          label={t("admin.organisations.requireMfa")}
          checked={requireMfa}
          onChecked={setRequireMfa}
          testId="admin-organisation-require-mfa"
        />
      </Form>
    </Stack>
  );
}
