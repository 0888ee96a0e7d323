import { Container, Stack } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useDocumentTitle } from "../shell/useDocumentTitle";
import { Passkeys } from "./Passkeys";
import { SecondFactors } from "./SecondFactors";

/** `/account/security`: the second factors (app, recovery codes, passkeys) on a page of their own. */
export function SecurityPage() {
  const { t } = useTranslation();
  useDocumentTitle(t("mfa.pageTitle"));
  return (
    <Container size="md" py="xl">
      <Stack gap="xl">
        <SecondFactors headingOrder={1} />
        <Passkeys headingOrder={2} />
      </Stack>
    </Container>
  );
}
