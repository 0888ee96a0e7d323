import type { Messages } from "./en.js";

export const fr: Messages = {
  app: {
    name: "Tandem",
    tagline: "L’espace de travail partagé de votre administration",
    skipToContent: "Aller au contenu principal",
    loading: "Chargement de Tandem…",
  },
  title: {
    signIn: "Connexion · Tandem",
    home: "Accueil · Tandem",
  },
  apps: {
    switcher: "Applications",
    menuHeading: "Vos applications",
    empty: "Aucune application pour le moment",
    emptyHint: "Les applications apparaissent ici dès que votre administrateur les active.",
    docs: "Documents",
    chat: "Messagerie",
    assistant: "Assistant",
    docsDescription: "Rédigez et modifiez des documents à plusieurs.",
    chatDescription: "Échangez avec vos collègues dans des salons et en messages directs.",
    assistantDescription: "Posez des questions et résumez des textes avec un assistant IA.",
    otherDescription: "Une application de votre espace de travail.",
    open: "Ouvrir {{name}}",
  },
  language: {
    label: "Langue",
    change: "Changer de langue, langue actuelle : {{language}}",
    en: "English",
    fr: "Français",
    de: "Deutsch",
  },
  theme: {
    toDark: "Passer au thème sombre",
    toLight: "Passer au thème clair",
  },
  account: {
    menu: "Menu du compte de {{name}}",
    admin: "Administrateur",
    signOut: "Déconnexion",
  },
  auth: {
    heading: "Se connecter à Tandem",
    intro: "Saisissez l’adresse e-mail de votre compte professionnel.",
    passwordIntro: "Saisissez le mot de passe de votre compte professionnel.",
    email: "Adresse e-mail",
    password: "Mot de passe",
    showPassword: "Afficher le mot de passe",
    submit: "Se connecter",
    continue: "Continuer",
    changeEmail: "Utiliser une autre adresse",
    invalidEmail: "Saisissez une adresse e-mail valide, par exemple nom@exemple.fr.",
    redirecting: "Redirection vers {{provider}}…",
    errorTitle: "Échec de la connexion",
    invalidCredentials: "L’adresse e-mail ou le mot de passe est incorrect.",
    invalidRequest: "Saisissez une adresse e-mail valide et votre mot de passe.",
    tooManyAttempts:
      "Trop de tentatives infructueuses. Patientez quelques minutes, puis réessayez.",
    unavailable: "Tandem est injoignable pour le moment. Veuillez réessayer dans un instant.",
    sessionCheckFailed:
      "Impossible de vérifier si vous êtes déjà connecté. Le serveur est peut-être indisponible.",
    signOutFailed: "La déconnexion n’a pas abouti. Veuillez réessayer.",
  },
  home: {
    welcome: "Bienvenue, {{name}}",
    noApps:
      "Les applications apparaîtront dans le sélecteur d’applications, en haut de la page, au fur et à mesure de leur activation.",
    withApps:
      "Ouvrez l’une de vos applications ci-dessous, ou à tout moment depuis le sélecteur d’applications.",
    appsHeading: "Vos applications",
  },
};
