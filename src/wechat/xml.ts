// WeChat's message XML is flat: <xml><Name><![CDATA[value]]></Name><Number>123</Number>…</xml>. A purpose-built
// reader for that shape (no DTDs, no entities beyond XML's five, so nothing to expand) and a writer for replies.

export class XmlError extends Error {
  override name = 'XmlError';
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
// One field, sticky: CDATA sections are taken whole, so a value holding "</Content>" does not end the field early.
const FIELD = /\s*<([A-Za-z][A-Za-z0-9_]*)>((?:<!\[CDATA\[[\s\S]*?\]\]>|[^<]|<(?!\/\1>|!\[CDATA\[))*)<\/\1>\s*/y;
const CDATA = /<!\[CDATA\[([\s\S]*?)\]\]>/g;

function textOf(raw: string): string {
  // A value may be several CDATA sections (that is how a writer escapes "]]>"); outside them, plain text.
  let out = '';
  let at = 0;
  for (const m of raw.matchAll(CDATA)) {
    out += decodeText(raw.slice(at, m.index));
    out += m[1];
    at = m.index + m[0].length;
  }
  return (out + decodeText(raw.slice(at))).trim();
}

function decodeText(text: string): string {
  if (text.includes('<')) throw new XmlError('unexpected markup');
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|[a-z]+);/g, (whole, name: string) => {
    if (name.startsWith('#x')) return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(Number(name.slice(1)));
    const value = ENTITIES[name];
    if (value === undefined) throw new XmlError(`unknown entity ${whole}`);
    return value;
  });
}

/**
 * The top-level fields of `<xml>…</xml>` as strings; nested elements (ScanCodeInfo…) come back as their raw text.
 * @example parseXml('<xml><MsgType><![CDATA[text]]></MsgType></xml>') // { MsgType: 'text' }
 */
export function parseXml(body: string): Record<string, string> {
  const root = /^\s*(?:<\?xml[^>]*\?>\s*)?<xml>([\s\S]*)<\/xml>\s*$/.exec(body);
  if (!root) throw new XmlError('not a WeChat XML message');
  const inner = root[1]!;
  const fields: Record<string, string> = {};
  FIELD.lastIndex = 0;
  while (FIELD.lastIndex < inner.length) {
    const at = FIELD.lastIndex;
    const m = FIELD.exec(inner);
    if (!m) {
      if (inner.slice(at).trim()) throw new XmlError('text outside fields');
      break;
    }
    const [, name, raw] = m as unknown as [string, string, string];
    // Nested elements are kept raw; only leaf text is decoded.
    fields[name] = /^\s*<(?!!\[CDATA\[)/.test(raw) ? raw : textOf(raw);
  }
  return fields;
}

const cdata = (value: string) => `<![CDATA[${value.replaceAll(']]>', ']]]]><![CDATA[>')}]]>`;

/** A flat reply: strings as CDATA, numbers bare, in the given order. */
export function buildXml(fields: Record<string, string | number>): string {
  const body = Object.entries(fields)
    .map(([name, value]) => `<${name}>${typeof value === 'number' ? value : cdata(value)}</${name}>`)
    .join('');
  return `<xml>${body}</xml>`;
}
