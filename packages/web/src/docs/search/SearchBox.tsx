import { Anchor, Loader, Stack, Text, TextInput } from "@mantine/core";
import { IconSearch } from "@tabler/icons-react";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { type SearchResult, searchDocuments, snippetParts } from "../api/search";
import { displayTitle } from "../home/DocumentList";
import { documentHref, followLink } from "../route";

const SEARCH_AFTER_MS = 300;

type Results =
  | { status: "idle" | "loading" | "failed" }
  | { status: "ready"; results: SearchResult[] };

/** Full-text search over the documents the person may read, as they type. */
export function SearchBox() {
  const { t } = useTranslation();
  const [query, setQuery] = useState("");
  const [state, setState] = useState<Results>({ status: "idle" });

  useEffect(() => {
    const q = query.trim();
    if (q.length < 2) {
      setState({ status: "idle" });
      return;
    }
    let cancelled = false;
    setState({ status: "loading" });
    const timer = setTimeout(() => {
      searchDocuments(q).then(
        (results) => !cancelled && setState({ status: "ready", results }),
        () => !cancelled && setState({ status: "failed" }),
      );
    }, SEARCH_AFTER_MS);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [query]);

  return (
    <search>
      <form onSubmit={(event) => event.preventDefault()}>
        <TextInput
          type="search"
          label={t("docs.search.label")}
          value={query}
          onChange={(event) => setQuery(event.currentTarget.value)}
          leftSection={<IconSearch size={16} aria-hidden="true" />}
          data-testid="docs-search"
        />
      </form>
      <div aria-live="polite" data-testid="docs-search-results">
        {state.status === "loading" && (
          <Loader size="xs" mt="xs" role="status" aria-label={t("docs.search.searching")} />
        )}
        {state.status === "failed" && (
          <Text size="sm" c="red.8" mt="xs">
            {t("docs.search.failed")}
          </Text>
        )}
        {state.status === "ready" && state.results.length === 0 && (
          <Text size="sm" mt="xs">
            {t("docs.search.none")}
          </Text>
        )}
        {state.status === "ready" && state.results.length > 0 && (
          <Stack
            component="ul"
            gap="xs"
            mt="xs"
            style={{ listStyle: "none", padding: 0 }}
            aria-label={t("docs.search.results", { count: state.results.length })}
          >
            {state.results.map((result) => {
              const href = documentHref(result.id);
              return (
                <li key={result.id} data-testid="docs-search-result">
                  <Anchor
                    href={href}
                    onClick={(event) => followLink(event, href)}
                    size="sm"
                    fw={600}
                  >
                    {displayTitle(result.title, t("docs.untitled"))}
                  </Anchor>
                  <Text size="xs" c="dimmed">
                    {snippetParts(result.snippet).map((part) =>
                      part.marked ? (
                        <mark key={part.at}>{part.text}</mark>
                      ) : (
                        <span key={part.at}>{part.text}</span>
                      ),
                    )}
                  </Text>
                </li>
              );
            })}
          </Stack>
        )}
      </div>
    </search>
  );
}
