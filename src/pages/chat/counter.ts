// The question's length, visible near the API's limit: a paste of 600 characters is not cut silently, the citizen
// sees how much to remove and the send is refused until it fits.
import { fill } from '../messages';
import { COUNT_FROM, MAX_QUESTION } from './conversation';
import { ui } from './lang';

/** Updates the counter under the input; returns how many characters are over the limit (0 when it fits). */
export function updateCount(input: HTMLTextAreaElement, count: HTMLElement): number {
  const length = input.value.trim().length; // UTF-16 units, as the API counts
  const over = Math.max(0, length - MAX_QUESTION);
  count.hidden = length < COUNT_FROM;
  count.classList.toggle('over', over > 0);
  count.textContent = over
    ? fill(ui().tooLong, { max: MAX_QUESTION, n: over })
    : fill(ui().charsLeft, { n: MAX_QUESTION - length });
  if (over) input.setAttribute('aria-invalid', 'true');
  else input.removeAttribute('aria-invalid');
  return over;
}
