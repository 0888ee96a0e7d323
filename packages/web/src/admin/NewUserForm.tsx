import {
  Button,
  Group,
  NativeSelect,
  PasswordInput,
  SimpleGrid,
  Stack,
  TextInput,
  Title,
} from "@mantine/core";
import { type FormEvent, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { NoticeState } from "../account/Notice";
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
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    // Without the list the form still works: accounts go to the deployment's organisation.
    fetchOrganisations().then(setOrganisations, () => {});
  }, []);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    try {
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
    } catch (error) {
      onDone(failure(t, error), false);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="admin-new-user-heading">
      <Title order={2} fz="h4" id="admin-new-user-heading" mb="sm">
        {t("admin.users.createHeading")}
      </Title>
      <form onSubmit={submit} data-testid="admin-user-form">
        <Stack>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t("admin.users.email")}
              type="email"
              required
              maxLength={320}
              value={email}
              onChange={(e) => setEmail(e.currentTarget.value)}
              data-testid="admin-user-email"
            />
            <TextInput
              label={t("admin.users.name")}
              required
              maxLength={200}
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              data-testid="admin-user-name"
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
            <PasswordInput
              label={t("admin.users.password")}
              description={t("admin.users.passwordHint")}
              autoComplete="new-password"
              maxLength={128}
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
              data-testid="admin-user-password"
            />
          </SimpleGrid>
          <Group>
            <Button type="submit" loading={busy} data-testid="admin-user-create">
              {t("admin.users.create")}
            </Button>
          </Group>
        </Stack>
      </form>
    </section>
  );
}
