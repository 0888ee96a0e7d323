import { Title } from "@mantine/core";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { NoticeState } from "../account/Notice";
import { useFormValues } from "../ui/Fields";
import { Form } from "../ui/Form";
import { createUser, fetchOrganisations, type Organisation } from "./api";
import { failure } from "./feedback";

/** Creates an account in an organisation, with an initial password or none. */
export function NewUserForm({
  onDone,
}: {
  onDone: (notice: NoticeState, created: boolean) => void;
}) {
  const { t } = useTranslation();
  const [organisations, setOrganisations] = useState<Organisation[]>([]);
  const form = useFormValues({
    email: "",
    name: "",
    organisation: "",
    role: "member",
    password: "",
  });
  useEffect(() => {
    // Without the list the form still works: accounts go to the deployment's organisation.
    fetchOrganisations().then(setOrganisations, () => {});
  }, []);

  async function submit() {
    const { email, name, organisation: organisationId, role, password } = form.values;
    const created = await createUser({
      email: email.trim(),
      name: name.trim(),
      role: role === "admin" ? "admin" : "member",
      ...(organisationId ? { organisationId } : {}),
      ...(password ? { password } : {}),
    });
    form.reset("email", "name", "password");
    onDone(
      { kind: "success", text: t("admin.users.createdNotice", { email: created.email }) },
      true,
    );
  }

  return (
    <section aria-labelledby="admin-new-user-heading">
      <Title order={2} fz="h4" id="admin-new-user-heading" mb="sm">
        {t("admin.users.createHeading")}
      </Title>
      <Form
        onSubmit={submit}
        onError={(error) => onDone(failure(t, error), false)}
        submit={{ label: t("admin.users.create"), testId: "admin-user-create" }}
        testId="admin-user-form"
        values={form}
        cols={2}
        fields={[
          {
            name: "email",
            label: t("admin.users.email"),
            type: "email",
            required: true,
            maxLength: 320,
          },
          { name: "name", label: t("admin.users.name"), required: true, maxLength: 200 },
          {
            name: "organisation",
            label: t("admin.users.organisation"),
            kind: "select",
            options: [
              { value: "", label: t("admin.users.organisationDefault") },
              ...organisations.map((o) => ({ value: o.id, label: o.name })),
            ],
          },
          {
            name: "role",
            label: t("admin.users.role"),
            kind: "select",
            options: [
              { value: "member", label: t("admin.users.member") },
              { value: "admin", label: t("admin.users.admin") },
            ],
          },
          {
            name: "password",
            label: t("admin.users.password"),
            description: t("admin.users.passwordHint"),
            kind: "password",
            autoComplete: "new-password",
            maxLength: 128,
          },
        ]}
      ></Form>
    </section>
  );
}
