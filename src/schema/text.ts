// Text inputs: trimmed, non-empty, bounded, with Chinese messages naming the field.
import { z } from 'zod';

/** A required text field of at most `max` characters, trimmed; `what` names it in the messages. */
export const trimmed = (max: number, what: string) =>
  z
    .string({ error: (issue) => (issue.input === undefined ? `缺少${what}` : `${what}必须是文本`) })
    .trim()
    .min(1, { error: `${what}不能为空` })
    .max(max, { error: `${what}不能超过${max}个字` });
