// Citizen pages, each with the security headers of ./security.ts except the widget script:
// GET /                   -> chat page; ?embed=1&title=… inside the widget's iframe
// GET /clauses/:clause    -> the clause's full text with ?start=&end= marked; a Chinese 404 page when unknown
// GET /widget.js          -> the launcher script integrators put on their own sites (any origin)
import { zValidator } from '@hono/zod-validator';
import { Hono } from 'hono';
import { redact } from '../answer/redact';
import { docs } from '../data';
import { chatPage } from '../pages/chat/page';
import { clauseNotFoundPage, clausePage } from '../pages/clause/page';
import { assetBody, assetUrl } from './assets';
import { findClause } from './clauses';
import type { AppEnv } from './env';
import { chatQuery, clauseHighlight, clauseParam, pageLang } from './schemas';
import { pageHeaders } from './security';
import { settingsFrom } from './settings';

const clauseStyles = () => [assetUrl('clause.css')];
const langOf = (c: { req: { query(name: string): string | undefined } }) =>
  c.req.query('lang') === 'en' ? 'en' : 'zh';

export const pageRoutes = new Hono<AppEnv>()
  .get('/', pageHeaders, zValidator('query', chatQuery.extend(pageLang.shape)), (c) => {
    const { embed, lang = 'zh' } = c.req.valid('query');
    return c.html(
      chatPage({
        embed,
        // The operator names the widget's frame (EMBED_TITLE), never the URL: a link could otherwise put any words
        // (a fake hotline number) in the heading of the official site. The full page always has its own title.
        title: (embed && settingsFrom(c.env).embedTitle) || undefined,
        lang,
        styles: [assetUrl('chat.css')],
        scripts: [assetUrl('chat.js')],
      }),
    );
  })
  .get(
    '/clauses/:clause',
    pageHeaders,
    zValidator('param', clauseParam, (result, c) => {
      // A malformed number is just another clause the plan does not have.
      if (!result.success)
        return c.html(clauseNotFoundPage(redact(c.req.param('clause') ?? ''), clauseStyles(), langOf(c)), 404);
    }),
    zValidator('query', clauseHighlight.extend(pageLang.shape)),
    (c) => {
      const { clause: id } = c.req.valid('param');
      const { start, end, lang = 'zh' } = c.req.valid('query');
      const clause = findClause(id);
      if (!clause) return c.html(clauseNotFoundPage(redact(id), clauseStyles(), lang), 404);
      return c.html(clausePage({ meta: docs[0]!.meta, clause, start, end, lang, styles: clauseStyles() }));
    },
  )
  .get('/widget.js', (c) => {
    const widget = assetBody('widget.js');
    if (!widget) return c.notFound();
    return c.body(widget.body, 200, {
      'content-type': widget.type,
      // A fixed URL on other sites' pages: cache briefly so a new release reaches them within minutes.
      'cache-control': 'public, max-age=300',
      'cross-origin-resource-policy': 'cross-origin',
      'x-content-type-options': 'nosniff',
    });
  });
