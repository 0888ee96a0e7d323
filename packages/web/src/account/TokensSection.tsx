import { Checkbox, Stack, Text } from "@mantine/core";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { type AccessToken, createToken, fetchTokens, revokeToken } from "../api/account";
import { useFormValues } from "../ui/Fields";
import { Form } from "../ui/Form";
import { ListTable } from "../ui/ListTable";
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
  const form = useFormValues({ name: "", expiry: "30" });
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
    const { name, expiry } = form.values;
    const result = await createToken({
      name: name.trim(),
      expiresInDays: expiry === "never" ? null : Number(expiry),
      scopes,
    });
    form.reset("name");
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
          submit={{ label: t("account.tokens.create"), testId: "token-create" }}
          testId="token-form"
          maw={420}
          values={form}
          fields={[
            {
              name: "name",
              label: t("account.tokens.name"),
              description: t("account.tokens.nameHint"),
              required: true,
              maxLength: 100,
            },
            {
              name: "expiry",
              label: t("account.tokens.expiry"),
              kind: "select",
              options: EXPIRIES.map((value) => ({
                value,
                label:
                  value === "never"
                    ? t("account.tokens.never")
                    : t("account.tokens.days", { count: Number(value) }),
              })),
            },
          ]}
        >
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
          row={{ key: (token) => token.id, testId: "token-row" }}
          columns={[
            { label: t("account.tokens.name"), cell: (token) => token.name, rowHeader: true },
            { label: t("account.tokens.scopes"), cell: (token) => token.scopes.join(", ") },
            { label: t("account.tokens.created"), cell: (token) => when(token.createdAt, "") },
            {
              label: t("account.tokens.expires"),
              cell: (token) => when(token.expiresAt, t("account.tokens.never")),
            },
            {
              label: t("account.tokens.lastUsed"),
              cell: (token) => when(token.lastUsedAt, t("account.tokens.neverUsed")),
            },
          ]}
          actions={(token) => [
            {
              label: t("account.tokens.revoke"),
              ariaLabel: t("account.tokens.revokeLabel", { name: token.name }),
              color: "red",
              onClick: () => void revoke(token),
              testId: "token-revoke",
            },
          ]}
        />
      </Stack>
    </Section>
  );
}
