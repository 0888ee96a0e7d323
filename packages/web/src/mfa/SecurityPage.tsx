import { Container } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useDocumentTitle } from "../shell/useDocumentTitle";
import { SecondFactors } from "./SecondFactors";

/** `/account/security`: the second factors on a page of their own. */
export function SecurityPage() {
  const { t } = useTranslation();
  useDocumentTitle(t("mfa.pageTitle"));
  return (
    <Container size="md" py="xl">
      <SecondFactors headingOrder={1} />
    </Container>
  );
}
