// The console's calls to the service's own API, typed from the server's schemas (types only, nothing bundled).
import type { z } from 'zod';
import type { MeasureEntry } from '../../schema/hotline';
import type { Answer } from '../../schema/answer';
import type { clauseDetail, searchResult } from '../../schema/responses';
import { apiErrorMessage } from '../api-error';
import { CONSOLE, fill, langOf } from '../messages';

/** The console's catalogue, in the page's language (?lang=en renders it in English). */
export const text = CONSOLE[langOf(document.documentElement.lang)];

export type { MeasureEntry };
export type SearchResult = z.infer<typeof searchResult>;
export type ClauseDetail = z.infer<typeof clauseDetail>;

/** A row of the result list: a measure, with the search's best sentence when it came from a query. */
export type ResultItem = MeasureEntry & { snippet?: string };

export interface Filters {
  q: string;
  topic: string;
  department: string;
}

/** The agent reads every failure in the page's language, not the browser's own ("Failed to fetch"). */
const OFFLINE = text.offline;

async function getJson<T>(url: string, init?: RequestInit): Promise<T> {
  let res: Response;
  try {
    res = await fetch(url, { ...init, headers: { accept: 'application/json', ...init?.headers } });
  } catch (err) {
    if (init?.signal?.aborted) throw err;
    throw new Error(OFFLINE);
  }
  if (!res.ok) throw new Error(await apiErrorMessage(res, fill(text.serverStatus, { status: res.status })));
  return (await res.json().catch(() => Promise.reject(new Error(OFFLINE)))) as T;
}

const query = (params: Record<string, string>) =>
  new URLSearchParams(Object.entries(params).filter(([, v]) => v !== '')).toString();

/** Every measure of the plan matching the filters (all of them without filters), in document order. */
export const listMeasures = (topic = '', department = '', signal?: AbortSignal) =>
  getJson<{ measures: MeasureEntry[] }>(`/api/measures?${query({ topic, department })}`, { signal });

export const search = ({ q, topic, department }: Filters, signal?: AbortSignal) =>
  getJson<SearchResult>(`/api/search?${query({ q, k: '10', topic, department })}`, { signal });

export const getClause = (clause: string) => getJson<ClauseDetail>(`/api/clauses/${encodeURIComponent(clause)}`);

export const ask = (question: string) =>
  getJson<Answer>('/api/ask', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ question }),
  });
