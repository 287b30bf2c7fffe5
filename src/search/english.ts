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
 * The text with each English word the glossary and dictionary lack replaced by its base form when they know that.
 * A word they know as written (prices is the dictionary's own) is folded only when its base form and the word
 * before it make one of their phrases (`isPhrase`): bride prices reads as bride price.
 * @example lemmatize('bride prices', (w) => w !== 'brides', (p) => p === 'bride price') // 'bride price'
 */
export function lemmatize(
  text: string,
  known: (word: string) => boolean,
  isPhrase: (phrase: string) => boolean = () => false,
): string {
  let previous = '';
  let previousEnd = -1;
  return text.replace(/[a-z][a-z']*/g, (word: string, at: number) => {
    const before = previousEnd >= 0 && text.slice(previousEnd, at) === ' ' ? previous : '';
    // A word glossed only inside longer phrases (fees in "tuition fees") still folds to a base glossed alone.
    const glossedBase = known(word) && !isPhrase(word) ? basesOf(word).find(isPhrase) : undefined;
    const folded = !known(word)
      ? (basesOf(word).find(known) ?? word)
      : (glossedBase ?? (before ? (basesOf(word).find((base) => isPhrase(`${before} ${base}`)) ?? word) : word));
    previous = folded;
    previousEnd = at + word.length;
    return folded;
  });
}
