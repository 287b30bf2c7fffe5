// Which language to answer in: English when the question is written in English, otherwise Chinese.

/** True when Latin letters clearly outnumber Han characters. */
export function isEnglish(text: string): boolean {
  const han = text.match(/\p{Script=Han}/gu)?.length ?? 0;
  const latin = text.match(/[A-Za-z]/g)?.length ?? 0;
  return latin > 3 * han && latin >= 6;
}
