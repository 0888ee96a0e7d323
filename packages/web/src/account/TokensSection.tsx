import {
  Alert,
  Button,
  Checkbox,
  CopyButton,
  Group,
  NativeSelect,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { IconAlertTriangle } from "@tabler/icons-react";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import {
  type AccessToken,
  createToken,
  fetchTokens,
  revokeToken,
  type TokenScope,
} from "../api/account";
import { ListTable, RowAction } from "../ui/ListTable";
import { useAsyncList } from "../ui/useListActions";
import { formatTime } from "./format";
import { Notice } from "./Notice";

const EXPIRIES = ["30", "90", "365", "never"] as const;

/** Personal access tokens: create one (its secret shown once), list them, revoke them. */
export function TokensSection({ isAdmin }: { isAdmin: boolean }) {
  const { t, i18n } = useTranslation();
  const { data: tokens, load, notice, setNotice } = useAsyncList(fetchTokens, "account.loadFailed");
  const [name, setName] = useState("");
  const [expiry, setExpiry] = useState<(typeof EXPIRIES)[number]>("30");
  const [scopes, setScopes] = useState<TokenScope[]>(["api"]);
  const [created, setCreated] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const secretField = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (created) secretField.current?.select();
  }, [created]);

  async function create(event: FormEvent) {
    event.preventDefault();
    if (scopes.length === 0) {
      setNotice({ kind: "error", text: t("account.tokens.noScope") });
      return;
    }
    setBusy(true);
    try {
      const result = await createToken({
        name: name.trim(),
        expiresInDays: expiry === "never" ? null : Number(expiry),
        scopes,
      });
      setName("");
      setNotice(null);
      setCreated(result.token);
      await load();
    } catch {
      setNotice({ kind: "error", text: t("account.failed") });
    } finally {
      setBusy(false);
    }
  }

  async function revoke(token: AccessToken) {
    try {
      await revokeToken(token.id);
      setCreated(null);
      setNotice({ kind: "success", text: t("account.tokens.revoked", { name: token.name }) });
      await load();
    } catch {
      setNotice({ kind: "error", text: t("account.failed") });
    }
  }

  const when = (ms: number | null, none: string) =>
    ms === null ? none : formatTime(ms, i18n.language);
  return (
    <section aria-labelledby="account-tokens-heading">
      <Title order={2} fz="h3" id="account-tokens-heading" mb="xs">
        {t("account.tokens.heading")}
      </Title>
      <Text c="dimmed" mb="md">
        {t("account.tokens.intro")}
      </Text>
      <Stack>
        <form onSubmit={create} data-testid="token-form">
          <Stack maw={420}>
            <TextInput
              label={t("account.tokens.name")}
              description={t("account.tokens.nameHint")}
              required
              maxLength={100}
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              data-testid="token-name"
            />
            <NativeSelect
              label={t("account.tokens.expiry")}
              value={expiry}
              onChange={(e) => setExpiry(e.currentTarget.value as (typeof EXPIRIES)[number])}
              data={EXPIRIES.map((value) => ({
                value,
                label:
                  value === "never"
                    ? t("account.tokens.never")
                    : t("account.tokens.days", { count: Number(value) }),
              }))}
              data-testid="token-expiry"
            />
            <Checkbox.Group
              label={t("account.tokens.scopes")}
              value={scopes}
              onChange={(value) => setScopes(value as TokenScope[])}
            >
              <Stack gap="xs" mt="xs">
                <Checkbox
                  value="api"
                  label={t("account.tokens.scopeApi")}
                  data-testid="token-scope-api"
                />
                {isAdmin && (
                  <Checkbox
                    value="scim"
                    label={t("account.tokens.scopeScim")}
                    data-testid="token-scope-scim"
                  />
                )}
                {isAdmin && (
                  <Checkbox
                    value="admin"
                    label={t("account.tokens.scopeAdmin")}
                    data-testid="token-scope-admin"
                  />
                )}
              </Stack>
            </Checkbox.Group>
            <Group>
              <Button type="submit" loading={busy} data-testid="token-create">
                {t("account.tokens.create")}
              </Button>
            </Group>
          </Stack>
        </form>
        <Notice notice={notice} testId="tokens-notice" />
        {created && (
          <Alert
            role="status"
            color="yellow"
            variant="light"
            icon={<IconAlertTriangle aria-hidden="true" />}
            title={t("account.tokens.createdTitle")}
            // Mantine's yellow title is too pale on its light background (WCAG AA contrast).
            styles={{ title: { color: "var(--mantine-color-text)" } }}
            data-testid="token-created"
          >
            <Text mb="sm">{t("account.tokens.createdWarning")}</Text>
            <Group align="end" wrap="nowrap">
              <TextInput
                ref={secretField}
                label={t("account.tokens.secret")}
                readOnly
                value={created}
                style={{ flex: 1 }}
                styles={{ input: { fontFamily: "monospace" } }}
                onFocus={(e) => e.currentTarget.select()}
                data-testid="token-secret"
              />
              <CopyButton value={created}>
                {({ copied, copy }) => (
                  <Button variant="default" onClick={copy} data-testid="token-copy">
                    {copied ? t("account.tokens.copied") : t("account.tokens.copy")}
                  </Button>
                )}
              </CopyButton>
            </Group>
          </Alert>
        )}
        <ListTable
          items={tokens}
          empty={t("account.tokens.empty")}
          emptyTestId="tokens-empty"
          testId="tokens-table"
          minWidth={640}
          columns={[
            t("account.tokens.name"),
            t("account.tokens.scopes"),
            t("account.tokens.created"),
            t("account.tokens.expires"),
            t("account.tokens.lastUsed"),
            t("account.actions"),
          ]}
          row={(token) => (
            <Table.Tr key={token.id} data-testid="token-row">
              <Table.Th scope="row" fw={500}>
                {token.name}
              </Table.Th>
              <Table.Td>{token.scopes.join(", ")}</Table.Td>
              <Table.Td>{when(token.createdAt, "")}</Table.Td>
              <Table.Td>{when(token.expiresAt, t("account.tokens.never"))}</Table.Td>
              <Table.Td>{when(token.lastUsedAt, t("account.tokens.neverUsed"))}</Table.Td>
              <Table.Td>
                <RowAction
                  label={t("account.tokens.revoke")}
                  ariaLabel={t("account.tokens.revokeLabel", { name: token.name })}
                  color="red"
                  onClick={() => void revoke(token)}
                  testId="token-revoke"
                />
              </Table.Td>
            </Table.Tr>
          )}
        />
      </Stack>
    </section>
  );
}
