// The plain Chinese page shown for a wrong link or a fault: no script, no styles, a way back home.

/**
 * The page's HTML. `message` is one of the service's own fixed sentences, never request text.
 * @example errorPageHtml('页面不存在') // '<!doctype html>…<h1>页面不存在</h1>…'
 */
export function errorPageHtml(message: string): string {
  return `<!doctype html><html lang="zh-CN"><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${message}</title><main><h1>${message}</h1><p><a href="/">回到首页</a></p></main></html>`;
}
