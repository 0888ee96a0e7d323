// English is the reference locale: its shape is the type every other locale must match.
export const en = {
  app: {
    name: "Tandem",
    tagline: "The shared workspace of your administration",
    skipToContent: "Skip to main content",
    loading: "Loading Tandem…",
  },
  title: {
    signIn: "Sign in · Tandem",
    home: "Home · Tandem",
  },
  apps: {
    switcher: "Apps",
    menuHeading: "Your apps",
    empty: "No apps yet",
    emptyHint: "Apps appear here as your administrator enables them.",
    docs: "Docs",
    chat: "Chat",
    assistant: "Assistant",
    docsDescription: "Write and edit documents together.",
    chatDescription: "Talk with your colleagues in rooms and direct messages.",
    assistantDescription: "Ask questions and summarise texts with an AI assistant.",
    otherDescription: "An app of your workspace.",
    open: "Open {{name}}",
  },
  language: {
    label: "Language",
    change: "Change language, current language: {{language}}",
    en: "English",
    fr: "Français",
    de: "Deutsch",
  },
  theme: {
    toDark: "Switch to dark theme",
    toLight: "Switch to light theme",
  },
  account: {
    menu: "Account menu for {{name}}",
    admin: "Administrator",
    signOut: "Sign out",
  },
  auth: {
    heading: "Sign in to Tandem",
    intro: "Enter the email address of your work account.",
    passwordIntro: "Enter the password of your work account.",
    email: "Email address",
    password: "Password",
    showPassword: "Show password",
    submit: "Sign in",
    continue: "Continue",
    changeEmail: "Use another address",
    invalidEmail: "Enter a valid email address, such as name@example.org.",
    redirecting: "Redirecting you to {{provider}}…",
    errorTitle: "Sign-in failed",
    invalidCredentials: "The email address or password is incorrect.",
    invalidRequest: "Enter a valid email address and your password.",
    tooManyAttempts: "Too many failed attempts. Wait a few minutes, then try again.",
    unavailable: "Tandem cannot be reached right now. Please try again in a moment.",
    sessionCheckFailed:
      "We could not check whether you are already signed in. The server may be unavailable.",
    signOutFailed: "Signing out did not complete. Please try again.",
  },
  home: {
    welcome: "Welcome, {{name}}",
    noApps: "Apps will appear in the app switcher at the top of the page as they are enabled.",
    withApps: "Open one of your apps below, or at any time from the app switcher.",
    appsHeading: "Your apps",
  },
};

export type Messages = typeof en;
