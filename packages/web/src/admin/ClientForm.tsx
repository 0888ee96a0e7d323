import { Radio, Stack, Text, TextInput } from "@mantine/core";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { NoticeState } from "../account/Notice";
import { CheckField, Form, TextareaField, TextField } from "../ui/Form";
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
  const [name, setName] = useState("");
  const [kind, setKind] = useState<"confidential" | "public">("confidential");
  const [thirdParty, setThirdParty] = useState(false);
  const [redirectUris, setRedirectUris] = useState("");
  const [postLogout, setPostLogout] = useState("");
  const [backchannel, setBackchannel] = useState("");
  const [created, setCreated] = useState<{ clientId: string; secret: string | null } | null>(null);
  const secretField = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (created?.secret) secretField.current?.select();
  }, [created]);

  async function submit() {
    const result = await createClient({
      name: name.trim(),
      redirectUris: splitList(redirectUris),
      public: kind === "public",
      thirdParty,
      postLogoutRedirectUris: splitList(postLogout),
      ...(backchannel.trim() ? { backchannelLogoutUri: backchannel.trim() } : {}),
    });
    setCreated({ clientId: result.clientId, secret: result.clientSecret });
    setName("");
    setRedirectUris("");
    setPostLogout("");
    setBackchannel("");
    onDone(null, true);
  }

  function failed(error: unknown) {
    setCreated(null);
    onDone(failure(t, error), false);
  }

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
        submitLabel={t("admin.clients.create")}
        testId="admin-client-form"
        submitTestId="admin-client-create"
        maw={640}
      >
        <TextField
          label={t("admin.clients.name")}
          required
          maxLength={200}
          value={name}
          onValue={setName}
          testId="admin-client-name"
        />
        <Radio.Group
          label={t("admin.clients.kind")}
          value={kind}
          onChange={(value) => setKind(value === "public" ? "public" : "confidential")}
        >
          <Stack gap="xs" mt="xs">
            <Radio
              value="confidential"
              label={t("admin.clients.confidential")}
              data-testid="admin-client-confidential"
            />
            <Radio
              value="public"
              label={t("admin.clients.public")}
              data-testid="admin-client-public"
            />
          </Stack>
        </Radio.Group>
        <CheckField
          label={t("admin.clients.thirdParty")}
          checked={thirdParty}
          onChecked={setThirdParty}
          testId="admin-client-third-party"
        />
        <TextareaField
          label={t("admin.clients.redirectUris")}
          description={t("admin.clients.redirectUrisHint")}
          required
          autosize
          minRows={2}
          value={redirectUris}
          onValue={setRedirectUris}
          testId="admin-client-redirect-uris"
        />
        <TextareaField
          label={t("admin.clients.postLogoutRedirectUris")}
          description={t("admin.clients.redirectUrisHint")}
          autosize
          minRows={1}
          value={postLogout}
          onValue={setPostLogout}
          testId="admin-client-post-logout-uris"
        />
        <TextField
          label={t("admin.clients.backchannelLogoutUri")}
          type="url"
          value={backchannel}
          onValue={setBackchannel}
          testId="admin-client-backchannel"
        />
      </Form>
    </Stack>
  );
}
