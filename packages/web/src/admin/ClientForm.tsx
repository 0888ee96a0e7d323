import {
  Alert,
  Button,
  Checkbox,
  CopyButton,
  Group,
  Radio,
  Stack,
  Text,
  Textarea,
  TextInput,
} from "@mantine/core";
import { IconAlertTriangle } from "@tabler/icons-react";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { NoticeState } from "../account/Notice";
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
  const [busy, setBusy] = useState(false);
  const [created, setCreated] = useState<{ clientId: string; secret: string | null } | null>(null);
  const secretField = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (created?.secret) secretField.current?.select();
  }, [created]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    try {
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
    } catch (error) {
      setCreated(null);
      onDone(failure(t, error), false);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Stack>
      {created && (
        <Alert
          role="status"
          color="yellow"
          variant="light"
          icon={<IconAlertTriangle aria-hidden="true" />}
          title={t("admin.clients.createdTitle")}
          // Mantine's yellow title is too pale on its light background (WCAG AA contrast).
          styles={{ title: { color: "var(--mantine-color-text)" } }}
          data-testid="admin-client-created"
        >
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
                <Group align="end" wrap="nowrap">
                  <TextInput
                    ref={secretField}
                    label={t("admin.clients.secret")}
                    readOnly
                    value={created.secret}
                    style={{ flex: 1 }}
                    styles={{ input: { fontFamily: "monospace" } }}
                    onFocus={(e) => e.currentTarget.select()}
                    data-testid="admin-client-secret"
                  />
                  <CopyButton value={created.secret}>
                    {({ copied, copy }) => (
                      <Button variant="default" onClick={copy} data-testid="admin-client-copy">
                        {copied ? t("admin.clients.copied") : t("admin.clients.copy")}
                      </Button>
                    )}
                  </CopyButton>
                </Group>
              </>
            ) : (
              <Text>{t("admin.clients.createdPublic")}</Text>
            )}
          </Stack>
        </Alert>
      )}
      <form onSubmit={submit} data-testid="admin-client-form">
        <Stack maw={640}>
          <TextInput
            label={t("admin.clients.name")}
            required
            maxLength={200}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            data-testid="admin-client-name"
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
          <Checkbox
            label={t("admin.clients.thirdParty")}
            checked={thirdParty}
            onChange={(e) => setThirdParty(e.currentTarget.checked)}
            data-testid="admin-client-third-party"
          />
          <Textarea
            label={t("admin.clients.redirectUris")}
            description={t("admin.clients.redirectUrisHint")}
            required
            autosize
            minRows={2}
            value={redirectUris}
            onChange={(e) => setRedirectUris(e.currentTarget.value)}
            data-testid="admin-client-redirect-uris"
          />
          <Textarea
            label={t("admin.clients.postLogoutRedirectUris")}
            description={t("admin.clients.redirectUrisHint")}
            autosize
            minRows={1}
            value={postLogout}
            onChange={(e) => setPostLogout(e.currentTarget.value)}
            data-testid="admin-client-post-logout-uris"
          />
          <TextInput
            label={t("admin.clients.backchannelLogoutUri")}
            type="url"
            value={backchannel}
            onChange={(e) => setBackchannel(e.currentTarget.value)}
            data-testid="admin-client-backchannel"
          />
          <Group>
            <Button type="submit" loading={busy} data-testid="admin-client-create">
              {t("admin.clients.create")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
