// English inflections folded to the glossary's word: "bride prices", "nurseries", "wives" find the entries for
// bride price, nursery and wife. Only a form whose base the glossary or the dictionary knows is changed, so a word
// nothing knows stays as the citizen wrote it.

/** Base forms to try for an inflected word, most likely first (plural, past, -ing, possessive). */
function basesOf(word: string): string[] {
  const bases: string[] = [];
  if (word.endsWith("'s")) bases.push(word.slice(0, -2));
  if (word.endsWith('ies')) bases.push(`${word.slice(0, -3)}y`);
  if (word.endsWith('ves')) bases.push(`${word.slice(0, -3)}f`, `${word.slice(0, -3)}fe`);
  if (/(?:ch|sh|ss|x|z)es$/.test(word)) bases.push(word.slice(0, -2));
  if (word.endsWith('s') && !word.endsWith('ss')) bases.push(word.slice(0, -1));
  if (word.endsWith('ied')) bases.push(`${word.slice(0, -3)}y`);
  if (word.endsWith('ed')) bases.push(word.slice(0, -2), word.slice(0, -1));
  if (word.endsWith('ing')) bases.push(word.slice(0, -3), `${word.slice(0, -3)}e`);
  return bases.filter((base) => base.length >= 2);
}

/**
 * The text with each English word the glossary and dictionary lack replaced by its base form when they know that
 * (a word they know as written stays: prices is the dictionary's own).
 * @example lemmatize('bride prices', (w) => w === 'price' || w === 'bride') // 'bride price'
 */
export function lemmatize(text: string, known: (word: string) => boolean): string {
  return text.replace(/[a-z][a-z']*/g, (word) => (known(word) ? word : (basesOf(word).find(known) ?? word)));
}
