/** Follows the Office theme when the host reports one (light, dark, colorful), via CSS variables. */
export function applyOfficeTheme(theme: Office.OfficeTheme | undefined): void {
  if (!theme?.bodyBackgroundColor) return;
  const root = document.documentElement;
  root.style.setProperty('--colorNeutralBackground1', theme.bodyBackgroundColor);
  root.style.setProperty('--colorNeutralForeground1', theme.bodyForegroundColor);
  if (theme.controlBackgroundColor) root.style.setProperty('--colorNeutralBackground3', theme.controlBackgroundColor);
  root.dataset.theme = luminance(theme.bodyBackgroundColor) < 0.4 ? 'dark' : 'light';
}

/** Relative luminance of a #rrggbb colour, 0 (black) to 1 (white). */
export function luminance(hex: string): number {
  const match = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex.trim());
  if (!match) return 1;
  const [r, g, b] = match.slice(1).map((part) => parseInt(part, 16) / 255);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
