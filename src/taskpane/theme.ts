/*
 * The pane's theme: light or dark Fluent 2 tokens (taskpane.css), chosen from the Office theme's
 * own colours when the host reports them, whatever the theme is called (White, Colorful, Dark
 * Gray, Black, or one to come), and from the system's prefers-color-scheme outside Office.
 */

export type ThemeName = 'light' | 'dark';

/** WCAG relative luminance of a #rrggbb colour, 0 (black) to 1 (white); undefined for anything else. */
export function luminance(hex: string): number | undefined {
  const match = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex.trim());
  if (!match) return undefined;
  const [r, g, b] = match.slice(1).map((part) => {
    const channel = parseInt(part, 16) / 255;
    return channel <= 0.04045 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** How a host's colours are followed: which token set, and the host's background when the set's text reads on it. */
export interface HostTheme {
  readonly theme: ThemeName;
  /** The host's pane background, when the chosen tokens keep their contrast on it; else the tokens' own. */
  readonly background?: string;
}

/**
 * The theme of an Office theme's colours: dark when its text is lighter than its background. The
 * host's background is kept only where the Fluent tokens' text stays readable on it (dark enough
 * for the dark set, light enough for the light set); a mid-grey background is replaced by the
 * set's own, so hints never sit grey on grey.
 *
 * @example
 * hostTheme({ bodyBackgroundColor: '#666666', bodyForegroundColor: '#ffffff' })
 * //=> { theme: 'dark' }
 */
export function hostTheme(colors: { readonly bodyBackgroundColor?: string; readonly bodyForegroundColor?: string }): HostTheme | undefined {
  const background = colors.bodyBackgroundColor === undefined ? undefined : luminance(colors.bodyBackgroundColor);
  if (background === undefined || colors.bodyBackgroundColor === undefined) return undefined;
  const foreground = colors.bodyForegroundColor === undefined ? undefined : luminance(colors.bodyForegroundColor);
  const theme: ThemeName = foreground !== undefined ? (foreground > background ? 'dark' : 'light') : background < 0.18 ? 'dark' : 'light';
  // The dark tokens' faintest text (#adadad) keeps 4.5:1 up to a background of luminance 0.03 (#333333); the light tokens' (#616161) from 0.8 (#e8e8e8).
  const keeps = theme === 'dark' ? background <= 0.033 : background >= 0.8;
  return keeps ? { theme, background: colors.bodyBackgroundColor } : { theme };
}

/** Puts a theme on the page: the token set, and the host's background when it is kept. */
function setTheme(root: HTMLElement, theme: HostTheme): void {
  root.dataset.theme = theme.theme;
  if (theme.background) root.style.setProperty('--colorNeutralBackground1', theme.background);
  else root.style.removeProperty('--colorNeutralBackground1');
}

let followingHost = false;

/** Outside Office (and until the host answers): the system's light or dark preference, followed as it changes. */
export function followSystemTheme(root: HTMLElement = document.documentElement): void {
  const query = typeof matchMedia === 'function' ? matchMedia('(prefers-color-scheme: dark)') : undefined;
  if (!query) return;
  const apply = () => {
    if (!followingHost) setTheme(root, { theme: query.matches ? 'dark' : 'light' });
  };
  apply();
  query.addEventListener('change', apply);
}

/** In Office: the host's theme, from its colours, whenever the host reports them. */
export function applyOfficeTheme(theme: Partial<Office.OfficeTheme> | undefined, root: HTMLElement = document.documentElement): void {
  const chosen = theme ? hostTheme(theme) : undefined;
  if (!chosen) return;
  followingHost = true;
  setTheme(root, chosen);
}
