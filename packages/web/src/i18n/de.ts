import type { Messages } from "./en.js";

export const de: Messages = {
  app: {
    name: "Tandem",
    tagline: "Der gemeinsame Arbeitsbereich Ihrer Verwaltung",
    skipToContent: "Zum Hauptinhalt springen",
    loading: "Tandem wird geladen…",
  },
  title: {
    signIn: "Anmelden · Tandem",
    home: "Startseite · Tandem",
  },
  apps: {
    switcher: "Anwendungen",
    menuHeading: "Ihre Anwendungen",
    empty: "Noch keine Anwendungen",
    emptyHint: "Anwendungen erscheinen hier, sobald Ihre Administration sie freischaltet.",
    docs: "Dokumente",
    chat: "Chat",
    assistant: "Assistent",
    docsDescription: "Dokumente gemeinsam verfassen und bearbeiten.",
    chatDescription: "Mit Kolleginnen und Kollegen in Räumen und Direktnachrichten sprechen.",
    assistantDescription: "Fragen stellen und Texte zusammenfassen mit einem KI-Assistenten.",
    otherDescription: "Eine Anwendung Ihres Arbeitsbereichs.",
    open: "{{name}} öffnen",
  },
  language: {
    label: "Sprache",
    change: "Sprache ändern, aktuelle Sprache: {{language}}",
    en: "English",
    fr: "Français",
    de: "Deutsch",
  },
  theme: {
    toDark: "Zum dunklen Design wechseln",
    toLight: "Zum hellen Design wechseln",
  },
  account: {
    menu: "Kontomenü von {{name}}",
    admin: "Administrator",
    signOut: "Abmelden",
  },
  auth: {
    heading: "Bei Tandem anmelden",
    intro: "Geben Sie die E-Mail-Adresse Ihres dienstlichen Kontos ein.",
    passwordIntro: "Geben Sie das Passwort Ihres dienstlichen Kontos ein.",
    email: "E-Mail-Adresse",
    password: "Passwort",
    showPassword: "Passwort anzeigen",
    submit: "Anmelden",
    continue: "Weiter",
    changeEmail: "Andere Adresse verwenden",
    invalidEmail: "Geben Sie eine gültige E-Mail-Adresse ein, z. B. name@beispiel.de.",
    redirecting: "Weiterleitung zu {{provider}} …",
    errorTitle: "Anmeldung fehlgeschlagen",
    invalidCredentials: "Die E-Mail-Adresse oder das Passwort ist falsch.",
    invalidRequest: "Geben Sie eine gültige E-Mail-Adresse und Ihr Passwort ein.",
    tooManyAttempts:
      "Zu viele fehlgeschlagene Versuche. Warten Sie einige Minuten und versuchen Sie es dann erneut.",
    unavailable: "Tandem ist gerade nicht erreichbar. Bitte versuchen Sie es gleich noch einmal.",
    sessionCheckFailed:
      "Wir konnten nicht prüfen, ob Sie bereits angemeldet sind. Der Server ist möglicherweise nicht erreichbar.",
    signOutFailed: "Die Abmeldung wurde nicht abgeschlossen. Bitte versuchen Sie es erneut.",
  },
  home: {
    welcome: "Willkommen, {{name}}",
    noApps:
      "Anwendungen erscheinen im Anwendungsmenü oben auf der Seite, sobald sie freigeschaltet werden.",
    withApps: "Öffnen Sie unten eine Ihrer Anwendungen oder jederzeit über das Anwendungsmenü.",
    appsHeading: "Ihre Anwendungen",
  },
};
