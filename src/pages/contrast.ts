// Text colour for a background an integrator chose (widget data-color): WCAG's contrast ratio decides between white
// and near-black, so a light brand colour does not leave white text unreadable.

/** sRGB channel (0-255) -> linear light, per WCAG 2.2's relative luminance. */
const linear = (c: number) => (c / 255 <= 0.04045 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4);

/** Relative luminance of an "rgb(r, g, b)" string as getComputedStyle reports colours. */
function luminance(rgb: string): number | undefined {
  const [r, g, b] = (rgb.match(/[\d.]+/g) ?? []).map(Number);
  if (r === undefined || g === undefined || b === undefined) return undefined;
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

/**
 * '#fff' when white text on `color` reaches 4.5:1, else '#111' (whichever contrasts more).
 * @example textOn('#0b6b3a') // '#fff';  textOn('#1677ff') // '#111' (white would be 4.0:1)
 */
export function textOn(color: string): string {
  const probe = document.createElement('span');
  probe.style.color = color;
  document.body.append(probe);
  const l = luminance(getComputedStyle(probe).color);
  probe.remove();
  if (l === undefined) return '#fff';
  const white = 1.05 / (l + 0.05);
  const dark = (l + 0.05) / 0.0565; // #111: luminance 0.0056
  return white >= 4.5 || white >= dark ? '#fff' : '#111';
}
