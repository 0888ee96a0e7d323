/**
 * Moves within the app without reloading the page, through the router the shell starts
 * (`setNavigator`), so an open editor's connections survive; back and forward still work.
 * Before the router starts (or without one), it loads the page.
 */
let navigator: ((href: string) => void) | undefined;

export function setNavigator(go: ((href: string) => void) | undefined): void {
  navigator = go;
}

export function navigate(href: string): void {
  if (href === window.location.pathname) return;
  if (navigator) navigator(href);
  else window.location.assign(href);
}
