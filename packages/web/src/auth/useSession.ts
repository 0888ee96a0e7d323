import { useCallback, useEffect, useState } from "react";
import { ApiError, signOut as endSession, fetchMe, type User } from "../api/client";
import { continueTarget } from "./continueTo";

export type Session =
  | { status: "loading" }
  /** `checkFailed`: /me answered neither 200 nor 401, so the sign-in form is shown with a notice. */
  | { status: "signedOut"; checkFailed: boolean }
  | { status: "signedIn"; user: User; signOutFailed: boolean };

export interface SessionControls {
  session: Session;
  onSignedIn: (user: User) => void;
  signOut: () => Promise<void>;
}

export function useSession(): SessionControls {
  const [session, setSession] = useState<Session>({ status: "loading" });

  useEffect(() => {
    let cancelled = false;
    fetchMe().then(
      (user) => {
        if (cancelled) return;
        const target = continueTarget(window.location.search);
        if (user && target) {
          window.location.assign(target);
          return;
        }
        setSession(
          user
            ? { status: "signedIn", user, signOutFailed: false }
            : { status: "signedOut", checkFailed: false },
        );
      },
      () => {
        if (!cancelled) setSession({ status: "signedOut", checkFailed: true });
      },
    );
    return () => {
      cancelled = true;
    };
  }, []);

  const onSignedIn = useCallback((user: User) => {
    // An app is waiting for this sign-in: hand back to the provider, which returns to the app.
    const target = continueTarget(window.location.search);
    if (target) {
      window.location.assign(target);
      return;
    }
    setSession({ status: "signedIn", user, signOutFailed: false });
  }, []);

  const signOut = useCallback(async () => {
    try {
      const { next } = await endSession();
      if (next) {
        window.location.assign(next);
        return;
      }
    } catch (error) {
      // 401 means the session was already gone: the user is signed out either way. Any other
      // failure leaves the cookie valid, so pretending to be signed out would be misleading.
      if (!(error instanceof ApiError && error.status === 401)) {
        setSession((current) =>
          current.status === "signedIn" ? { ...current, signOutFailed: true } : current,
        );
        return;
      }
    }
    setSession({ status: "signedOut", checkFailed: false });
  }, []);

  return { session, onSignedIn, signOut };
}
