import { Button, Group, Modal, NativeSelect, Stack, Text, TextInput, Title } from "@mantine/core";
import { type FormEvent, useCallback, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Notice, type NoticeState } from "../../account/Notice";
import { ApiError } from "../../api/client";
import { type Doc, ROLES, type Role } from "../api/documents";
import { type Access, fetchAccesses, grantAccess, revokeAccess } from "../api/sharing";
import { AccessList } from "./AccessList";
import { LinkSettings } from "./LinkSettings";

interface ShareDialogProps {
  doc: Doc;
  /** The signed-in account: removing its own access asks first. */
  userId: string;
  onClose: () => void;
  onChanged: (doc: Doc) => void;
}

/** Who has access (add by e-mail, remove) and who the link lets in. Administrators only. */
export function ShareDialog({ doc, userId, onClose, onChanged }: ShareDialogProps) {
  const { t } = useTranslation();
  const [accesses, setAccesses] = useState<Access[] | null>(null);
  const [email, setEmail] = useState("");
  const [role, setRole] = useState<Role>("editor");
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<NoticeState>(null);
  /** One's own access, waiting for confirmation before it is removed. */
  const [leaving, setLeaving] = useState<Access | null>(null);
  const roles = ROLES.filter((r) => r !== "owner" || doc.abilities.manageOwners);

  const load = useCallback(async (): Promise<Access[] | null> => {
    try {
      const list = await fetchAccesses(doc.id);
      setAccesses(list);
      return list;
    } catch {
      setNotice({ kind: "error", text: t("docs.errors.loadFailed") });
      return null;
    }
  }, [doc.id, t]);

  useEffect(() => {
    void load();
  }, [load]);

  async function add(event: FormEvent) {
    event.preventDefault();
    const address = email.trim();
    if (!address) return;
    setBusy(true);
    try {
      await grantAccess(doc.id, address, role);
      setEmail("");
      const list = await load();
      // An address with no account becomes an invitation, not an access: say it was e-mailed.
      const isAccount = list?.some((a) => a.email?.toLowerCase() === address.toLowerCase());
      // A list that failed to load has said so already.
      if (list) {
        const message = isAccount ? "docs.share.added" : "docs.share.invited";
        setNotice({ kind: "success", text: t(message, { email: address }) });
      }
    } catch {
      setNotice({ kind: "error", text: t("docs.share.addFailed", { email: address }) });
    } finally {
      setBusy(false);
    }
  }

  async function remove(access: Access) {
    try {
      await revokeAccess(doc.id, access.id);
      setNotice({ kind: "success", text: t("docs.share.removed") });
      await load();
    } catch (error) {
      // The server keeps the last owner (409): say why rather than a generic failure.
      const lastOwner = error instanceof ApiError && error.status === 409;
      setNotice({
        kind: "error",
        text: t(lastOwner ? "docs.share.lastOwner" : "docs.errors.actionFailed"),
      });
    }
  }

  function askToRemove(access: Access) {
    if (access.userId === userId) setLeaving(access);
    else void remove(access);
  }

  return (
    <Modal
      closeButtonProps={{ "aria-label": t("docs.close") }}
      opened
      onClose={onClose}
      // Escape in the confirmation closes the confirmation only, not the dialog behind it.
      closeOnEscape={leaving === null}
      title={t("docs.share.title")}
      size="lg"
      data-testid="docs-share-dialog"
    >
      <Stack gap="lg">
        <Notice notice={notice} testId="docs-share-notice" />
        <form onSubmit={(event) => void add(event)}>
          <Group align="flex-end" gap="sm">
            <TextInput
              type="email"
              label={t("docs.share.email")}
              value={email}
              onChange={(event) => setEmail(event.currentTarget.value)}
              required
              autoComplete="off"
              style={{ flex: 1, minWidth: 200 }}
              data-testid="docs-share-email"
            />
            <NativeSelect
              label={t("docs.share.role")}
              value={role}
              onChange={(event) => setRole(event.currentTarget.value as Role)}
              data={roles.map((r) => ({ value: r, label: t(`docs.roles.${r}`) }))}
              data-testid="docs-share-role"
            />
            <Button type="submit" loading={busy} data-testid="docs-share-add">
              {t("docs.share.add")}
            </Button>
          </Group>
        </form>
        <section aria-labelledby="docs-share-people">
          <Title order={3} fz="h5" id="docs-share-people" mb="xs">
            {t("docs.share.people")}
          </Title>
          <AccessList accesses={accesses} onRemove={askToRemove} />
        </section>
        <LinkSettings doc={doc} onChanged={onChanged} onNotice={setNotice} />
      </Stack>
      <Modal
        closeButtonProps={{ "aria-label": t("docs.close") }}
        opened={leaving !== null}
        onClose={() => setLeaving(null)}
        title={t("docs.share.leaveTitle")}
        data-testid="docs-share-leave"
      >
        <Stack>
          <Text>{t("docs.share.leave")}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setLeaving(null)}>
              {t("docs.cancel")}
            </Button>
            <Button
              color="red"
              data-testid="docs-share-leave-confirm"
              onClick={() => {
                const access = leaving;
                setLeaving(null);
                if (access) void remove(access);
              }}
            >
              {t("docs.share.leaveConfirm")}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Modal>
  );
}
