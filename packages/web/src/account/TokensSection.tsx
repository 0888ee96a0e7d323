import { Checkbox, NativeSelect, Stack, Table, Text } from "@mantine/core";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { type AccessToken, createToken, fetchTokens, revokeToken } from "../api/account";
import { Form, TextField } from "../ui/Form";
import { ListTable, RowAction } from "../ui/ListTable";
import { SecretField, ShownOnceAlert } from "../ui/SecretField";
import { Section } from "../ui/Section";
import { useAsyncList } from "../ui/useListActions";
import { formatTime } from "./format";
import { Notice } from "./Notice";

const EXPIRIES = ["30", "90", "365", "never"] as const;

/** Labels of the scopes this app knows; a scope another module declared shows its name. */
const SCOPE_LABELS: Record<
  string,
  "account.tokens.scopeApi" | "account.tokens.scopeScim" | "account.tokens.scopeAdmin"
> = {
  api: "account.tokens.scopeApi",
  scim: "account.tokens.scopeScim",
  admin: "account.tokens.scopeAdmin",
};

/**
 * Personal access tokens: create one (its secret shown once), list them, revoke them. The
 * scopes offered are those the server says this user may give.
 */
export function TokensSection() {
  const { t, i18n } = useTranslation();
  const { data, load, notice, setNotice } = useAsyncList(fetchTokens, "account.loadFailed");
  const tokens = data?.tokens ?? null;
  const offered = data?.scopes ?? [];
  const [name, setName] = useState("");
  const [expiry, setExpiry] = useState<(typeof EXPIRIES)[number]>("30");
  const [scopes, setScopes] = useState<string[]>(["api"]);
  const [created, setCreated] = useState<string | null>(null);
  const secretField = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (created) secretField.current?.select();
  }, [created]);

  async function create() {
    if (scopes.length === 0) {
      setNotice({ kind: "error", text: t("account.tokens.noScope") });
      return;
    }
    const result = await createToken({
      name: name.trim(),
      expiresInDays: expiry === "never" ? null : Number(expiry),
      scopes,
    });
    setName("");
    setNotice(null);
    setCreated(result.token);
    await load();
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
    <Section
      id="account-tokens-heading"
      heading={t("account.tokens.heading")}
      intro={t("account.tokens.intro")}
    >
      <Stack>
        <Form
          onSubmit={create}
          onError={() => setNotice({ kind: "error", text: t("account.failed") })}
          submitLabel={t("account.tokens.create")}
          testId="token-form"
          submitTestId="token-create"
          maw={420}
        >
          <TextField
            label={t("account.tokens.name")}
            description={t("account.tokens.nameHint")}
            required
            maxLength={100}
            value={name}
            onValue={setName}
            testId="token-name"
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
          <Checkbox.Group label={t("account.tokens.scopes")} value={scopes} onChange={setScopes}>
            <Stack gap="xs" mt="xs">
              {offered.map((scope) => {
                const label = SCOPE_LABELS[scope.name];
                return (
                  <Checkbox
                    key={scope.name}
                    value={scope.name}
                    label={label ? t(label) : scope.name}
                    data-testid={`token-scope-${scope.name}`}
                  />
                );
              })}
            </Stack>
          </Checkbox.Group>
        </Form>
        <Notice notice={notice} testId="tokens-notice" />
        {created && (
          <ShownOnceAlert title={t("account.tokens.createdTitle")} testId="token-created">
            <Text mb="sm">{t("account.tokens.createdWarning")}</Text>
            <SecretField
              ref={secretField}
              label={t("account.tokens.secret")}
              value={created}
              copyLabel={t("account.tokens.copy")}
              copiedLabel={t("account.tokens.copied")}
              testId="token-secret"
              copyTestId="token-copy"
            />
          </ShownOnceAlert>
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
    </Section>
  );
}
