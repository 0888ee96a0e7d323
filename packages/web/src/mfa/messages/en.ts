// Passkeys, required enrolment and recovery-code messages, hooked into each locale under
// `passkeys`; English is the reference shape the other languages follow.
export const mfaEn = {
  heading: "Passkeys",
  intro:
    "A passkey proves it is you with your device's screen lock or a security key. After your password, it replaces the code from your app.",
  listLabel: "Your passkeys",
  none: "No passkey yet.",
  added: "Added on {{date}}",
  lastUsed: "last used on {{date}}",
  neverUsed: "never used",
  add: "Add a passkey",
  name: "Name of this passkey",
  nameHint: "For example: Work laptop, or Security key",
  defaultName: "Passkey",
  create: "Create the passkey",
  cancel: "Cancel",
  rename: "Rename",
  renameLabel: "Rename the passkey {{name}}",
  save: "Save",
  remove: "Remove",
  removeLabel: "Remove the passkey {{name}}",
  addedNotice: "The passkey was added.",
  renamedNotice: "The passkey was renamed.",
  removedNotice: "The passkey was removed.",
  unsupported: "This browser cannot use passkeys.",
  cancelled: "No passkey was used: the request was cancelled or timed out.",
  refused: "The passkey was not accepted. Try again, or use another way.",
  failed: "This did not work. Please try again.",
  signIn: "Sign in with a passkey",
  or: "or",
  stepIntro: "Use your passkey to finish signing in.",
  use: "Use my passkey",
  usePasskey: "Use a passkey instead",
  useCode: "Use a code from your app instead",
  enrolIntro:
    "Your organisation requires two-step verification. Set up a second way to prove it is you to finish signing in.",
  enrolPasskey: "Create a passkey",
  enrolApp: "Set up an authenticator app",
  enrolAppIntro: "Scan this QR code with your authenticator app, then enter the code it shows.",
  continue: "Continue",
  regenerate: "New recovery codes",
  regenerateIntro:
    "Enter a current code from your app to get ten new recovery codes. The old ones stop working.",
  regenerateConfirm: "Generate new codes",
  regenerated: "New recovery codes were generated.",
};

export type MfaMessages = typeof mfaEn;
