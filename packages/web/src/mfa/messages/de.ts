import type { MfaMessages } from "./en.js";

export const mfaDe: MfaMessages = {
  heading: "Passkeys",
  intro:
    "Ein Passkey bestätigt Ihre Identität mit der Displaysperre Ihres Geräts oder einem Sicherheitsschlüssel. Nach dem Passwort ersetzt er den Code aus Ihrer App.",
  listLabel: "Ihre Passkeys",
  none: "Noch kein Passkey.",
  added: "Hinzugefügt am {{date}}",
  lastUsed: "zuletzt verwendet am {{date}}",
  neverUsed: "noch nie verwendet",
  add: "Passkey hinzufügen",
  name: "Name dieses Passkeys",
  nameHint: "Zum Beispiel: Dienstlaptop oder Sicherheitsschlüssel",
  defaultName: "Passkey",
  create: "Passkey erstellen",
  cancel: "Abbrechen",
  rename: "Umbenennen",
  renameLabel: "Passkey {{name}} umbenennen",
  save: "Speichern",
  remove: "Entfernen",
  removeLabel: "Passkey {{name}} entfernen",
  addedNotice: "Der Passkey wurde hinzugefügt.",
  renamedNotice: "Der Passkey wurde umbenannt.",
  removedNotice: "Der Passkey wurde entfernt.",
  unsupported: "Dieser Browser kann keine Passkeys verwenden.",
  cancelled: "Es wurde kein Passkey verwendet: Die Anfrage wurde abgebrochen oder ist abgelaufen.",
  refused:
    "Der Passkey wurde nicht akzeptiert. Versuchen Sie es erneut oder wählen Sie einen anderen Weg.",
  failed: "Das hat nicht funktioniert. Bitte versuchen Sie es erneut.",
  signIn: "Mit einem Passkey anmelden",
  or: "oder",
  stepIntro: "Verwenden Sie Ihren Passkey, um die Anmeldung abzuschließen.",
  use: "Meinen Passkey verwenden",
  usePasskey: "Stattdessen einen Passkey verwenden",
  useCode: "Stattdessen einen Code aus Ihrer App verwenden",
  enrolIntro:
    "Ihre Organisation verlangt die Bestätigung in zwei Schritten. Richten Sie einen zweiten Nachweis ein, um die Anmeldung abzuschließen.",
  enrolPasskey: "Passkey erstellen",
  enrolApp: "Authenticator-App einrichten",
  enrolAppIntro:
    "Scannen Sie diesen QR-Code mit Ihrer Authenticator-App und geben Sie dann den angezeigten Code ein.",
  continue: "Weiter",
  regenerate: "Neue Wiederherstellungscodes",
  regenerateIntro:
    "Geben Sie einen aktuellen Code aus Ihrer App ein, um zehn neue Wiederherstellungscodes zu erhalten. Die alten funktionieren dann nicht mehr.",
  regenerateConfirm: "Neue Codes erzeugen",
  regenerated: "Neue Wiederherstellungscodes wurden erzeugt.",
};
