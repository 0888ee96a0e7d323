import { NativeSelect, SimpleGrid, Title } from "@mantine/core";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { NoticeState } from "../account/Notice";
import { Form, PasswordField, TextField } from "../ui/Form";
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
  const [email, setEmail] = useState("");
  const [name, setName] = useState("");
  const [organisationId, setOrganisationId] = useState("");
  const [role, setRole] = useState<"member" | "admin">("member");
  const [password, setPassword] = useState("");

  useEffect(() => {
    // Without the list the form still works: accounts go to the deployment's organisation.
    fetchOrganisations().then(setOrganisations, () => {});
  }, []);

  async function submit() {
    const created = await createUser({
      email: email.trim(),
      name: name.trim(),
      role,
      ...(organisationId ? { organisationId } : {}),
      ...(password ? { password } : {}),
    });
    setEmail("");
    setName("");
    setPassword("");
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
        submitLabel={t("admin.users.create")}
        testId="admin-user-form"
        submitTestId="admin-user-create"
      >
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextField
            label={t("admin.users.email")}
            type="email"
            required
            maxLength={320}
            value={email}
            onValue={setEmail}
            testId="admin-user-email"
          />
          <TextField
            label={t("admin.users.name")}
            required
            maxLength={200}
            value={name}
            onValue={setName}
            testId="admin-user-name"
          />
          <NativeSelect
            label={t("admin.users.organisation")}
            value={organisationId}
            onChange={(e) => setOrganisationId(e.currentTarget.value)}
            data={[
              { value: "", label: t("admin.users.organisationDefault") },
              ...organisations.map((o) => ({ value: o.id, label: o.name })),
            ]}
            data-testid="admin-user-organisation"
          />
          <NativeSelect
            label={t("admin.users.role")}
            value={role}
            onChange={(e) => setRole(e.currentTarget.value === "admin" ? "admin" : "member")}
            data={[
              { value: "member", label: t("admin.users.member") },
              { value: "admin", label: t("admin.users.admin") },
            ]}
            data-testid="admin-user-role"
          />
          <PasswordField
            label={t("admin.users.password")}
            description={t("admin.users.passwordHint")}
            autoComplete="new-password"
            maxLength={128}
            value={password}
            onValue={setPassword}
            testId="admin-user-password"
          />
        </SimpleGrid>
      </Form>
    </section>
  );
}
