import { ActionIcon, Tooltip } from "@mantine/core";
import { IconStar, IconStarFilled } from "@tabler/icons-react";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { fetchList, setFavourite } from "../api/documents";

/** A toggle button (aria-pressed) that adds the document to the person's favourites. */
export function FavouriteToggle({ id }: { id: string }) {
  const { t } = useTranslation();
  const [favourite, setState] = useState<boolean | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let cancelled = false;
    fetchList("favourites").then(
      (list) => !cancelled && setState(list.some((doc) => doc.id === id)),
      () => !cancelled && setState(false),
    );
    return () => {
      cancelled = true;
    };
  }, [id]);

  async function toggle() {
    const next = !favourite;
    setState(next);
    try {
      await setFavourite(id, next);
      setFailed(false);
    } catch {
      setState(!next);
      setFailed(true);
    }
  }

  const label = failed ? t("docs.errors.actionFailed") : t("docs.document.favourite");
  return (
    <Tooltip label={label} withArrow>
      <ActionIcon
        variant="subtle"
        color={failed ? "red" : "yellow.8"}
        size="lg"
        aria-label={t("docs.document.favourite")}
        aria-pressed={favourite === true}
        disabled={favourite === null}
        onClick={() => void toggle()}
        data-testid="docs-favourite"
      >
        {favourite ? (
          <IconStarFilled size={20} aria-hidden="true" />
        ) : (
          <IconStar size={20} aria-hidden="true" />
        )}
      </ActionIcon>
    </Tooltip>
  );
}
