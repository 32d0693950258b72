import { hostTheme, luminance } from '../../src/taskpane/theme';

describe('following an Office theme by its colours', () => {
  it('measures colours as WCAG does', () => {
    expect(luminance('#ffffff')).toBe(1);
    expect(luminance('#000000')).toBe(0);
    expect(luminance('#808080')).toBeCloseTo(0.2159, 4);
    expect(luminance('not a colour')).toBeUndefined();
  });

  it.each([
    ['Dark Gray', '#666666', '#ffffff', { theme: 'dark' }],
    ['Black', '#262626', '#ffffff', { theme: 'dark', background: '#262626' }],
    ['White', '#ffffff', '#000000', { theme: 'light', background: '#ffffff' }],
    ['Colorful', '#e6e6e6', '#262626', { theme: 'light' }],
    ['a light grey with dark text', '#f0f0f0', '#202020', { theme: 'light', background: '#f0f0f0' }],
  ])('the %s theme (%s on %s) gives %p', (_name, background, foreground, expected) => {
    expect(hostTheme({ bodyBackgroundColor: background, bodyForegroundColor: foreground })).toEqual(expected);
  });

  it('judges by the background alone when the text colour is missing, and gives nothing without a background', () => {
    expect(hostTheme({ bodyBackgroundColor: '#1f1f1f' })).toEqual({ theme: 'dark', background: '#1f1f1f' });
    expect(hostTheme({ bodyBackgroundColor: '#d0d0d0' })).toEqual({ theme: 'light' });
    expect(hostTheme({})).toBeUndefined();
    expect(hostTheme({ bodyBackgroundColor: 'red' })).toBeUndefined();
  });
});
