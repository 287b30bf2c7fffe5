// 大字模式 (large text), for grandparents reading on a phone: larger text and buttons, and each answer opens with
// its short first line, the quote one tap away. The header toggle is remembered for the tab.
const KEY = 'qh-chat:large';

function apply(button: HTMLButtonElement, on: boolean): void {
  document.documentElement.classList.toggle('large', on);
  button.setAttribute('aria-pressed', String(on));
}

/** Wires the toggle and restores the tab's choice. */
export function largeTextToggle(button: HTMLButtonElement): void {
  let on = false;
  try {
    on = sessionStorage.getItem(KEY) === '1';
  } catch {
    // Storage refused: starts in normal size.
  }
  apply(button, on);
  button.addEventListener('click', () => {
    on = !on;
    apply(button, on);
    try {
      if (on) sessionStorage.setItem(KEY, '1');
      else sessionStorage.removeItem(KEY);
    } catch {
      // The mode holds until the page is reloaded.
    }
  });
}

/** Whether answers open short (the mode is on). */
export const isLarge = (): boolean => document.documentElement.classList.contains('large');
