/**
 * The corporation's primary colour carries white text (buttons, the chosen answer) and is the
 * colour of links on the page's light grey: it must reach WCAG AA contrast (4.5:1) against both.
 * A colour that does not is darkened step by step until it does, so the brand stays recognisable.
 */
export const AA_CONTRAST = 4.5;
/** the page background (#f3f4f6), the lightest colour the primary colour is read against */
export const PAGE_BACKGROUND = '#f3f4f6';

function channels(hex: string): [number, number, number] {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

function luminance([r, g, b]: [number, number, number]) {
  const linear = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

/** Contrast ratio of a #rrggbb colour against a lighter one (white by default). */
export function contrastAgainst(hex: string, background = '#ffffff'): number {
  return (luminance(channels(background)) + 0.05) / (luminance(channels(hex)) + 0.05);
}

const toHex = (rgb: number[]) => `#${rgb.map((c) => Math.round(c).toString(16).padStart(2, '0')).join('')}`;

/** The colour itself when it passes AA on the page, else the lightest darker shade that does. */
export function accessiblePrimary(hex: string, fallback = '#1c5d99'): string {
  if (!/^#[0-9a-fA-F]{6}$/.test(hex)) return fallback;
  const rgb = channels(hex);
  for (let step = 0; step <= 20; step++) {
    const shade = toHex(rgb.map((c) => c * (1 - step * 0.05)));
    if (contrastAgainst(shade, PAGE_BACKGROUND) >= AA_CONTRAST) return shade;
  }
  return '#000000';
}
