// Server-rendered shell of the hotline console: search form, filters and the plan's tree. Results and the
// opened clause are drawn by client.ts; everything here is static per build, so the page costs no API call.
import type { Clause, CorpusDoc } from '../../corpus/types';
import type { DepartmentDuties } from '../../hotline/duties';
import { document } from '../layout';

export interface AgentPageProps {
  doc: CorpusDoc;
  topics: Record<string, { zh: string }>;
  departments: DepartmentDuties[];
  /** Initial query from the URL (?q=), so a link in a ticket reopens the same search. */
  q?: string;
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
        <button type="button" data-tree-clause={c.clause} title={`${c.path.label}（条款 ${c.clause}）`}>
          {c.path.label}
        </button>
      </li>
    ))}
  </ul>
);

export function agentPage({ doc, topics, departments, q, styles, scripts }: AgentPageProps) {
  return document({
    title: '12345 坐席 · 生育政策条款速查',
    styles,
    scripts,
    children: (
      <>
        <header class="bar">
          <h1>生育政策条款速查</h1>
          <span class="doc" title={`${doc.meta.issuer} ${doc.meta.published}`}>
            《{doc.meta.title}》
          </span>
          <span class="keys" aria-hidden="true">
            <kbd>/</kbd> 搜索 <kbd>↑</kbd>
            <kbd>↓</kbd> 选择 <kbd>Enter</kbd> 打开 <kbd>C</kbd> 复制答复 <kbd>Esc</kbd> 回到搜索框／清空
          </span>
        </header>
        <main class="console">
          <nav class="tree" aria-label="方案目录">
            <h2>方案目录</h2>
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
          <section class="finder" aria-label="检索">
            <form id="search" role="search" action="/agent" method="get">
              <input
                name="q"
                type="search"
                value={q ?? ''}
                autofocus
                autocomplete="off"
                maxlength={500}
                placeholder="输入来电问题的关键词，如：托育机构 备案 哪个部门牵头"
                aria-label="来电问题"
                aria-controls="results"
              />
              <select name="topic" aria-label="按主题筛选">
                <option value="">全部主题</option>
                {Object.entries(topics).map(([id, t]) => (
                  <option value={id}>{t.zh}</option>
                ))}
              </select>
              <select name="department" aria-label="按部门筛选">
                <option value="">全部部门</option>
                {departments.map((d) => (
                  <option value={d.name}>
                    {d.name}（牵头{d.lead.length}·配合{d.partner.length}）
                  </option>
                ))}
              </select>
            </form>
            <p id="status" class="status" role="status" aria-live="polite">
              输入关键词，或选择主题、部门列出全部相关措施。
            </p>
            <ol id="results" class="results" role="listbox" aria-label="检索结果"></ol>
          </section>
          <aside id="detail" class="detail" aria-label="条款全文">
            <p class="hint">在结果上按 Enter，或点目录里的条款，在这里看全文。</p>
          </aside>
        </main>
      </>
    ),
  });
}
