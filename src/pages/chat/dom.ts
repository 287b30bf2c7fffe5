// A tiny element builder for the chat client. Children are appended as nodes or text nodes, never parsed as HTML.

type Attrs = Record<string, string | boolean | undefined>;

/** Creates an element: h('button', { type: 'button', 'data-clause': '2.15' }, '1'). false/undefined skip an attribute. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === false || value === undefined) continue;
    el.setAttribute(name, value === true ? '' : value);
  }
  el.append(...children);
  return el;
}

/** The one element the page must have; a missing one is a bug in page.tsx, so fail loudly. */
export function must<T extends Element>(root: ParentNode, selector: string): T {
  const el = root.querySelector<T>(selector);
  if (!el) throw new Error(`missing ${selector}`);
  return el;
}
