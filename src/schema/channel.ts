// Where a question came from, stored with each unanswered question and counted per day.
import { z } from 'zod';

/** chat: the page at /; widget: the chat inside another site's iframe; api: integrators; wechat: the official account. */
export const channel = z.enum(['chat', 'widget', 'api', 'wechat']);
export type Channel = z.infer<typeof channel>;
