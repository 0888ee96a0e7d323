import { useTranslation } from "react-i18next";
import classes from "./SkipLink.module.css";

export function SkipLink({ target }: { target: string }) {
  const { t } = useTranslation();
  return (
    <a className={classes.skipLink} href={`#${target}`}>
      {t("app.skipToContent")}
    </a>
  );
}
