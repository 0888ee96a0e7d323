import { Stack, Text, TextInput } from "@mantine/core";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { NoticeState } from "../account/Notice";
import { useFormValues } from "../ui/Fields";
import { Form } from "../ui/Form";
import { SecretField, ShownOnceAlert } from "../ui/SecretField";
import { createClient } from "./api";
import { failure, splitList } from "./feedback";

/** Registers an app; a confidential one's secret is shown here once, focused to be copied. */
export function ClientForm({
  onDone,
}: {
  onDone: (notice: NoticeState, created: boolean) => void;
}) {
  const { t } = useTranslation();
  const form = useFormValues({
    name: "",
    kind: "confidential",
    thirdParty: false,
    redirectUris: "",
    postLogoutUris: "",
    backchannel: "",
  });
  const [created, setCreated] = useState<{ clientId: string; secret: string | null } | null>(null);
  const secretField = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (created?.secret) secretField.current?.select();
  }, [created]);

  async function submit() {
    const { name, kind, thirdParty, redirectUris, postLogoutUris, backchannel } = form.values;
    const result = await createClient({
      name: name.trim(),
      redirectUris: splitList(redirectUris),
      public: kind === "public",
      thirdParty,
      postLogoutRedirectUris: splitList(postLogoutUris),
      ...(backchannel.trim() ? { backchannelLogoutUri: backchannel.trim() } : {}),
    });
    setCreated({ clientId: result.clientId, secret: result.clientSecret });
    form.reset("name", "redirectUris", "postLogoutUris", "backchannel");
    onDone(null, true);
  }

  function failed(error: unknown) {
    setCreated(null);
    onDone(failure(t, error), false);
  }

  const uris = { kind: "textarea", description: t("admin.clients.redirectUrisHint") } as const;
  return (
    <Stack>
      {created && (
        <ShownOnceAlert title={t("admin.clients.createdTitle")} testId="admin-client-created">
          <Stack gap="sm">
            <TextInput
              label={t("admin.clients.clientId")}
              readOnly
              value={created.clientId}
              styles={{ input: { fontFamily: "monospace" } }}
              data-testid="admin-client-created-id"
            />
            {created.secret ? (
              <>
                <Text>{t("admin.clients.createdWarning")}</Text>
                <SecretField
                  ref={secretField}
                  label={t("admin.clients.secret")}
                  value={created.secret}
                  copyLabel={t("admin.clients.copy")}
                  copiedLabel={t("admin.clients.copied")}
                  testId="admin-client-secret"
                  copyTestId="admin-client-copy"
                />
              </>
            ) : (
              <Text>{t("admin.clients.createdPublic")}</Text>
            )}
          </Stack>
        </ShownOnceAlert>
      )}
      <Form
        onSubmit={submit}
        onError={failed}
        submit={{ label: t("admin.clients.create"), testId: "admin-client-create" }}
        testId="admin-client-form"
        maw={640}
        values={form}
        fields={[
          { name: "name", label: t("admin.clients.name"), required: true, maxLength: 200 },
          {
            name: "kind",
            label: t("admin.clients.kind"),
            kind: "radio",
            options: [
              { value: "confidential", label: t("admin.clients.confidential") },
              { value: "public", label: t("admin.clients.public") },
            ],
          },
          { name: "thirdParty", label: t("admin.clients.thirdParty"), kind: "check" },
          {
            name: "redirectUris",
            label: t("admin.clients.redirectUris"),
            ...uris,
            required: true,
            minRows: 2,
          },
          { name: "postLogoutUris", label: t("admin.clients.postLogoutRedirectUris"), ...uris },
          { name: "backchannel", label: t("admin.clients.backchannelLogoutUri"), type: "url" },
        ]}
      ></Form>
    </Stack>
  );
}
