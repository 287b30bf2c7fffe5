// Server-rendered shell of the hotline console: search form, filters and the plan's tree. Results and the
// opened clause are drawn by client.ts; everything here is static per build, so the page costs no API call.
// The department filter is a type-ahead combobox (./picker.ts) over the options rendered here.
import type { Clause, CorpusDoc } from '../../corpus/types';
import type { DepartmentDuties } from '../../schema/hotline';
import { document } from '../layout';
import { CONSOLE, fill, type Lang } from '../messages';

export interface AgentPageProps {
  doc: CorpusDoc;
  topics: Record<string, { zh: string }>;
  departments: DepartmentDuties[];
  /** Initial query from an old link's ?q= (searched once; the client drops q from the address at once). */
  q?: string;
  lang: Lang;
  /** Asset URLs from assetUrl(), served by this service. */
  styles: string[];
  scripts: string[];
}

interface Part {
  name: string;
  loose: Clause[];
  groups: { name: string; clauses: Clause[] }[];
}

/** Parts -> groups -> clauses, in document order. */
function treeOf(clauses: readonly Clause[]): Part[] {
  const parts: Part[] = [];
  for (const clause of clauses) {
    let part = parts.at(-1);
    if (part?.name !== clause.path.part) parts.push((part = { name: clause.path.part, loose: [], groups: [] }));
    if (!clause.path.group) part.loose.push(clause);
    else {
      let group = part.groups.at(-1);
      if (group?.name !== clause.path.group) part.groups.push((group = { name: clause.path.group, clauses: [] }));
      group.clauses.push(clause);
    }
  }
  return parts;
}

const ClauseLinks = ({ clauses }: { clauses: Clause[] }) => (
  <ul>
    {clauses.map((c) => (
      <li>
        <button type="button" data-tree-clause={c.id} title={`${c.path.label}（条款 ${c.id}）`}>
          {c.path.label}
        </button>
      </li>
    ))}
  </ul>
);

export function agentPage({ doc, topics, departments, q, lang, styles, scripts }: AgentPageProps) {
  const t = CONSOLE[lang];
  return document({
    title: t.title,
    lang,
    styles,
    scripts,
    children: (
      <>
        <header class="bar">
          <h1>{t.heading}</h1>
          <span class="doc" lang="zh-CN" title={`${doc.meta.issuer} ${doc.meta.published}`}>
            《{doc.meta.title}》
          </span>
          <span class="keys" aria-hidden="true">
            {t.keys.map(([key, does]) => [<kbd>{key}</kbd>, ` ${does} `])}
          </span>
        </header>
        <main class="console">
          <nav class="tree" aria-label={t.tree}>
            <h2>{t.tree}</h2>
            {treeOf(doc.clauses).map((part) => (
              <details open>
                <summary>{part.name}</summary>
                {part.loose.length > 0 && <ClauseLinks clauses={part.loose} />}
                {part.groups.map((group) => (
                  <details open={part.groups.length < 2 || undefined}>
                    <summary>{group.name}</summary>
                    <ClauseLinks clauses={group.clauses} />
                  </details>
                ))}
              </details>
            ))}
          </nav>
          <section class="finder" aria-label={t.finder}>
            <form id="search" role="search" action="/agent" method="get">
              <input
                name="q"
                type="search"
                value={q ?? ''}
                autofocus
                autocomplete="off"
                maxlength={500}
                placeholder={t.placeholder}
                aria-label={t.query}
                aria-controls="results"
              />
              <select name="topic" aria-label={t.topic}>
                <option value="">{t.allTopics}</option>
                {Object.entries(topics).map(([id, topic]) => (
                  <option value={id}>{topic.zh}</option>
                ))}
              </select>
              <div class="picker">
                <input
                  name="department"
                  type="text"
                  role="combobox"
                  autocomplete="off"
                  aria-autocomplete="list"
                  aria-expanded="false"
                  aria-controls="department-options"
                  aria-label={t.department}
                  placeholder={t.departmentPlaceholder}
                />
                <ul id="department-options" class="options" role="listbox" aria-label={t.department} hidden>
                  {departments.map((d, i) => (
                    <li id={`department-${i}`} role="option" aria-selected="false" data-department={d.name}>
                      <span class="name">{d.name}</span>
                      <span class="counts">
                        {fill(t.departmentCounts, { lead: d.lead.length, partners: d.partner.length })}
                      </span>
                    </li>
                  ))}
                </ul>
              </div>
            </form>
            <p id="status" class="status" role="status" aria-live="polite">
              {t.idle}
            </p>
            <ol id="results" class="results" role="listbox" aria-label={t.results}></ol>
          </section>
          <aside id="detail" class="detail" aria-label={t.detail}>
            <p class="hint">{t.detailHint}</p>
          </aside>
        </main>
      </>
    ),
  });
}
