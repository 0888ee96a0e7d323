import { Divider, Switch } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Fields, useFormValues } from "../ui/Fields";
import { Form } from "../ui/Form";
import { ListTable } from "../ui/ListTable";
import { Panel } from "../ui/Panel";
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
  const form = useFormValues({ name: "", country: "FR", identifier: "", requireMfa: false });

  async function create() {
    const { name, country, identifier, requireMfa } = form.values;
    const created = await createOrganisation({
      name: name.trim(),
      country: country.trim().toUpperCase(),
      requireMfa,
      ...(identifier.trim() ? { identifier: identifier.trim() } : {}),
    });
    form.reset("name", "identifier", "requireMfa");
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

  const mfaSwitch = (organisation: Organisation) => (
    <Switch
      checked={organisation.requireMfa}
      onChange={(e) => void toggle(organisation, e.currentTarget.checked)}
      aria-label={t("admin.organisations.requireMfaLabel", { name: organisation.name })}
      data-testid="admin-organisation-mfa"
    />
  );

  return (
    <Panel
      heading={t("admin.organisations.heading")}
      notice={notice}
      noticeTestId="admin-organisations-notice"
    >
      <ListTable
        items={organisations}
        empty={t("admin.organisations.empty")}
        testId="admin-organisations-table"
        caption={t("admin.organisations.caption")}
        row={{
          key: (organisation) => organisation.id,
          testId: "admin-organisation-row",
          data: (organisation) => ({ "data-name": organisation.name }),
        }}
        columns={[
          { label: t("admin.organisations.name"), cell: (o) => o.name, rowHeader: true },
          { label: t("admin.organisations.country"), cell: (o) => o.country },
          { label: t("admin.organisations.identifier"), cell: (o) => o.identifier ?? "" },
          { label: t("admin.organisations.requireMfa"), cell: (o) => mfaSwitch(o) },
        ]}
      />
      <Divider />
      <Form
        onSubmit={create}
        onError={(error) => setNotice(failure(t, error))}
        submit={{ label: t("admin.organisations.create"), testId: "admin-organisation-create" }}
        testId="admin-organisation-form"
        values={form}
        cols={3}
        fields={[
          { name: "name", label: t("admin.organisations.name"), required: true, maxLength: 200 },
          {
            name: "country",
            label: t("admin.organisations.country"),
            description: t("admin.organisations.countryHint"),
            required: true,
            minLength: 2,
            maxLength: 2,
          },
          {
            name: "identifier",
            label: t("admin.organisations.identifier"),
            description: t("admin.organisations.identifierHint"),
            maxLength: 64,
          },
        ]}
      >
        <Fields
          form={form}
          testIdPrefix="admin-organisation"
          fields={[
            { name: "requireMfa", label: t("admin.organisations.requireMfa"), kind: "check" },
          ]}
        />
      </Form>
    </Panel>
  );
}
