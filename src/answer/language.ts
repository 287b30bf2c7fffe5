// Which language to answer in: English when the question is written in English, otherwise Chinese.

/**
 * True when English words clearly outnumber Han characters, counted as words so that a pasted URL or a run of
 * letters inside a Chinese question does not turn the reply into English.
 * @example isEnglish('How long is maternity leave?') // true
 * @example isEnglish('IVF在青海能做吗') // false
 */
export function isEnglish(text: string): boolean {
  const han = text.match(/\p{Script=Han}/gu)?.length ?? 0;
  const words = text.match(/[A-Za-z]+(?:'[A-Za-z]+)?/g)?.filter((w) => /[aeiouy]/i.test(w)).length ?? 0;
  return words >= 2 && words * 2 > han;
}
