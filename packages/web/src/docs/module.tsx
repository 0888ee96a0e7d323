import { DOCS_AUDIT_ACTIONS } from "@tandem/docs/wire";
import { lazy, Suspense } from "react";
import { Loading } from "../shell/Loading";
import type { WebModule } from "../shell/webModule";

// The editor is by far the largest part of the app: it loads only when Docs is opened.
const DocsApp = lazy(() => import("./DocsApp").then((m) => ({ default: m.DocsApp })));

export const docsModule: WebModule = {
  id: "docs",
  path: "/docs",
  name: { en: "Docs", fr: "Documents", de: "Dokumente" },
  description: {
    en: "Write and edit documents together.",
    fr: "Rédigez et modifiez des documents à plusieurs.",
    de: "Dokumente gemeinsam verfassen und bearbeiten.",
  },
  auditActions: DOCS_AUDIT_ACTIONS,
  routes: [
    {
      // One route for every docs screen, so moving between documents keeps the app mounted.
      path: "/docs/*",
      render: ({ user }) => (
        <Suspense fallback={<Loading />}>
          <DocsApp user={user} />
        </Suspense>
      ),
    },
  ],
};
