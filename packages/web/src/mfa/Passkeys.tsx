import { Button, Group, Loader, Paper, Stack, Text, TextInput, Title } from "@mantine/core";
import { type FormEvent, useCallback, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../api/client";
import { ErrorAlert } from "../ui/CodeFields";
import {
  addPasskey,
  fetchPasskeys,
  type Passkey,
  passkeysSupported,
  removePasskey,
  renamePasskey,
  wasCancelled,
} from "./passkeyApi";

type Failure = "passkeys.cancelled" | "passkeys.failed" | "passkeys.refused";

function failureOf(error: unknown): Failure {
  if (wasCancelled(error)) return "passkeys.cancelled";
  if (error instanceof ApiError && error.code === "invalid_passkey") {
    return "passkeys.refused";
  }
  return "passkeys.failed";
}

interface PasskeysProps {
  /** 2 on the security page, below its heading. */
  headingOrder?: 2 | 3;
}

/** The signed-in user's passkeys: add one (named), rename, remove. */
export function Passkeys({ headingOrder = 2 }: PasskeysProps) {
  const { t, i18n } = useTranslation();
  const [passkeys, setPasskeys] = useState<Passkey[] | null>(null);
  const [name, setName] = useState("");
  const [renaming, setRenaming] = useState<{ id: string; name: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [announcement, setAnnouncement] = useState("");
  const supported = passkeysSupported();

  const load = useCallback(async () => {
    try {
      setPasskeys(await fetchPasskeys());
    } catch {
      setFailure("passkeys.failed");
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  async function run(action: () => Promise<void>, done: string) {
    setBusy(true);
    setFailure(null);
    setAnnouncement("");
    try {
      await action();
      setPasskeys(await fetchPasskeys());
      setAnnouncement(done);
    } catch (error) {
      setFailure(failureOf(error));
    } finally {
      setBusy(false);
    }
  }

  const add = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    return run(async () => {
      await addPasskey(name.trim() || t("passkeys.defaultName"));
      setName("");
    }, t("passkeys.addedNotice"));
  };

  const saveName = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!renaming) return;
    return run(async () => {
      await renamePasskey(renaming.id, renaming.name.trim() || t("passkeys.defaultName"));
      setRenaming(null);
    }, t("passkeys.renamedNotice"));
  };

  const date = (at: number) =>
    new Date(at).toLocaleDateString(i18n.language, { dateStyle: "long" });

  return (
    <Paper withBorder radius="md" p="xl" maw={720} mx="auto" data-testid="passkeys">
      <Stack gap="md">
        <Title order={headingOrder} fz="h3">
          {t("passkeys.heading")}
        </Title>
        <Text c="dimmed">{t("passkeys.intro")}</Text>
        {failure && <ErrorAlert testId="passkeys-error">{t(failure)}</ErrorAlert>}
        {passkeys === null && !failure && <Loader size="sm" aria-label={t("app.loading")} />}
        {passkeys?.length === 0 && <Text data-testid="passkeys-none">{t("passkeys.none")}</Text>}
        {passkeys && passkeys.length > 0 && (
          <Stack component="ul" gap="sm" p={0} m={0} aria-label={t("passkeys.listLabel")}>
            {passkeys.map((passkey) => (
              <Group
                component="li"
                key={passkey.id}
                justify="space-between"
                wrap="wrap"
                style={{ listStyle: "none" }}
                data-testid="passkey"
              >
                {renaming?.id === passkey.id ? (
                  <form onSubmit={saveName}>
                    <Group align="flex-end">
                      <TextInput
                        label={t("passkeys.renameLabel", { name: passkey.name })}
                        value={renaming.name}
                        maxLength={100}
                        onChange={(e) =>
                          setRenaming({ id: passkey.id, name: e.currentTarget.value })
                        }
                        data-testid="passkey-rename-input"
                      />
                      <Button type="submit" loading={busy} data-testid="passkey-rename-save">
                        {t("passkeys.save")}
                      </Button>
                      <Button variant="default" onClick={() => setRenaming(null)} disabled={busy}>
                        {t("passkeys.cancel")}
                      </Button>
                    </Group>
                  </form>
                ) : (
                  <div>
                    <Text fw={600} data-testid="passkey-name">
                      {passkey.name}
                    </Text>
                    <Text size="sm" c="dimmed">
                      {t("passkeys.added", { date: date(passkey.createdAt) })},{" "}
                      {passkey.lastUsedAt
                        ? t("passkeys.lastUsed", { date: date(passkey.lastUsedAt) })
                        : t("passkeys.neverUsed")}
                    </Text>
                  </div>
                )}
                {renaming?.id !== passkey.id && (
                  <Group gap="xs">
                    <Button
                      variant="default"
                      size="xs"
                      aria-label={t("passkeys.renameLabel", { name: passkey.name })}
                      onClick={() => setRenaming({ id: passkey.id, name: passkey.name })}
                      disabled={busy}
                    >
                      {t("passkeys.rename")}
                    </Button>
                    <Button
                      color="red"
                      variant="light"
                      size="xs"
                      aria-label={t("passkeys.removeLabel", { name: passkey.name })}
                      onClick={() =>
                        void run(() => removePasskey(passkey.id), t("passkeys.removedNotice"))
                      }
                      disabled={busy}
                      data-testid="passkey-remove"
                    >
                      {t("passkeys.remove")}
                    </Button>
                  </Group>
                )}
              </Group>
            ))}
          </Stack>
        )}
        {supported ? (
          <form onSubmit={add}>
            <Group align="flex-end">
              <TextInput
                label={t("passkeys.name")}
                description={t("passkeys.nameHint")}
                value={name}
                maxLength={100}
                onChange={(event) => setName(event.currentTarget.value)}
                data-testid="passkey-name-input"
              />
              <Button type="submit" loading={busy} data-testid="passkey-add">
                {t("passkeys.add")}
              </Button>
            </Group>
          </form>
        ) : (
          <Text size="sm">{t("passkeys.unsupported")}</Text>
        )}
        <Text role="status" size="sm" data-testid="passkeys-announcement">
          {announcement}
        </Text>
      </Stack>
    </Paper>
  );
}
