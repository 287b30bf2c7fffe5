// How a question asks: its clauses, and the forms that make a clause ask. Retrieval reads them to find the asking
// clauses of a long story (retrieve.ts); the answerers to tell what a subject noun asks (answer/asked.ts).

/** A yes-or-no clause: A-not-A (会不会, 看不看, 有没有), a closing 吗, 不, 没 or 没有. */
export const YES_NO = /(\p{Script=Han})[不没]\1|[吗嘛][？?！!\s]*$|(?:[不没]|没有)[？?！!\s]*$/u;

/** A word that asks openly (什么, 啥, 怎么, 咋, 如何, 哪, 多少, 几). */
export const OPEN_FORM = /什么|啥|怎|咋|如何|哪|多少|几/;

/** The clauses of a question, split at punctuation and spaces. */
export const clausesOf = (question: string): string[] => question.split(/[，,。；;？?！!\s]+/).filter(Boolean);

/** Whether a clause asks: yes-or-no, openly, or by a closing 呢 (那县里呢). */
export const asksIn = (clause: string): boolean => YES_NO.test(clause) || OPEN_FORM.test(clause) || /呢$/.test(clause);
