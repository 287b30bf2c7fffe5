// The plan's topics (corpus/topics.json): each a Chinese label and the clauses it gathers, used by the search
// filter and the hotline console alike.
import topicsJson from '../../corpus/topics.json';

/** Topic id -> its Chinese label and clause ids (corpus/topics.json). */
export const TOPICS: Record<string, { zh: string; clauses: string[] }> = topicsJson.topics;
