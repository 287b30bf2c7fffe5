// Marks the query's words in plan text without any HTML parsing: text nodes and <mark> elements only.

/**
 * Ranges [start, end) of `text` that also occur in the query, two characters or longer, longest first from the
 * left. Chinese has no spaces, so shared substrings stand in for words; single characters would mark noise.
 * @example matchRanges('建立托育机构备案信用承诺制', '托育机构 备案') // [[2, 8]]
 */
export function matchRanges(text: string, query: string): [number, number][] {
  const haystack = query.toLowerCase();
  const lower = text.toLowerCase();
  const ranges: [number, number][] = [];
  let i = 0;
  while (i < lower.length - 1) {
    let length = 0;
    for (let l = 2; i + l <= lower.length; l++) {
      const piece = lower.slice(i, i + l);
      if (/[\s\p{P}]/u.test(piece.at(-1)!) || !haystack.includes(piece)) break;
      length = l;
    }
    if (length > 0 && !/[\s\p{P}]/u.test(lower[i]!)) {
      ranges.push([i, i + length]);
      i += length;
    } else i++;
  }
  return ranges;
}

/** Appends `text` to `parent` with the query's words wrapped in <mark>. */
export function appendMarked(parent: Node, text: string, query: string): void {
  let at = 0;
  for (const [start, end] of query ? matchRanges(text, query) : []) {
    if (start > at) parent.appendChild(document.createTextNode(text.slice(at, start)));
    const mark = document.createElement('mark');
    mark.textContent = text.slice(start, end);
    parent.appendChild(mark);
    at = end;
  }
  if (at < text.length) parent.appendChild(document.createTextNode(text.slice(at)));
}
