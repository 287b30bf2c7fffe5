// The tiny element builder the chat and console clients share. Children are appended as nodes or text nodes, never
// parsed as HTML, so text from the plan, a question or an answer can only ever be text.

type Attrs = Record<string, string | boolean | undefined>;
/** false, null and undefined are skipped, so `cond && h(...)` reads as an optional child. */
type Child = Node | string | false | null | undefined;

/** Creates an element: h('button', { type: 'button', 'data-clause': '2.15' }, '1'). false/undefined skip an attribute. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === false || value === undefined) continue;
    el.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children) if (child !== false && child !== null && child !== undefined) el.append(child);
  return el;
}

/** The one element the page must have; a missing one is a bug in page.tsx, so fail loudly. */
export function must<T extends Element>(root: ParentNode, selector: string): T {
  const el = root.querySelector<T>(selector);
  if (!el) throw new Error(`missing ${selector}`);
  return el;
}
