// The staff view at /admin, rendered whole on the server (no script): a period form, the counts, the unanswered
// questions grouped by wording, the answers marked 没帮助 with comments, the clauses cited most, each with its CSV.
import type { Child } from 'hono/jsx';
import type { Report } from '../../schema/report';
import { beijingTime } from '../../store/database';
import { document } from '../layout';

export interface AdminPageProps {
  report: Report;
  styles: string[];
}

const COVERAGE = { direct: '直接回答', partial: '部分回答', none: '未能回答' } as const;
const CHANNELS = { chat: '网页对话', widget: '嵌入网站', api: '接口', wechat: '微信' } as const;

/** One column of a list: its heading, how a row fills its cell, and a class for numbers or long text. */
interface Column<Row> {
  head: string;
  cell: (row: Row) => Child;
  class?: 'n' | 'answer' | 'comment';
}

interface SectionProps<Row> {
  /** The list's name in /api/admin/export/:list. */
  id: 'unanswered' | 'feedback' | 'clauses' | 'days';
  title: string;
  report: Report;
  rows: Row[];
  columns: Column<Row>[];
}

function Section<Row>({ id, title, report, rows, columns }: SectionProps<Row>) {
  return (
    <section class="panel" data-section={id} aria-labelledby={`${id}-title`}>
      <header>
        <h2 id={`${id}-title`}>{title}</h2>
        <a class="export" href={`/api/admin/export/${id}?from=${report.from}&to=${report.to}`} download>
          导出 CSV
        </a>
      </header>
      {rows.length === 0 ? (
        <p class="empty">这段时间没有记录。</p>
      ) : (
        <table>
          <thead>
            <tr>
              {columns.map((c) => (
                <th scope="col" class={c.class === 'n' ? 'n' : undefined}>
                  {c.head}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr>
                {columns.map((c) => (
                  <td class={c.class}>{c.cell(row)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

const Total = ({ label, value, kind, channel }: { label: string; value: number; kind?: string; channel?: boolean }) => (
  <div class={channel ? 'channel' : undefined}>
    <dt>{label}</dt>
    <dd data-total={kind}>{value}</dd>
  </div>
);

export function adminPage({ report, styles }: AdminPageProps) {
  const t = report.totals;
  const coverageColumns = (['direct', 'partial', 'none'] as const).map((k): Column<Report['days'][number]> => ({
    head: COVERAGE[k],
    cell: (d) => d[k],
    class: 'n',
  }));
  return document({
    title: '生育政策问答 · 运行情况',
    styles,
    children: (
      <>
        <header class="bar">
          <h1>生育政策问答 · 运行情况</h1>
          <span class="note">仅限工作人员。所存文字均已去除身份证号、手机号、银行卡号；不记录 IP 地址。</span>
        </header>
        <main class="admin">
          <form class="period" action="/admin" method="get" aria-label="统计时段">
            <label>
              从 <input type="date" name="from" value={report.from} required />
            </label>
            <label>
              到 <input type="date" name="to" value={report.to} required />
            </label>
            <button type="submit">查看</button>
            <span class="hint">日期按北京时间</span>
          </form>
          <dl class="totals" data-section="totals">
            <Total label="提问" value={t.asks} kind="asks" />
            {(['direct', 'partial', 'none'] as const).map((k) => (
              <Total label={COVERAGE[k]} value={t[k]} kind={k} />
            ))}
            <Total label="有帮助" value={t.helpful} kind="helpful" />
            <Total label="没帮助" value={t.notHelpful} kind="notHelpful" />
            {report.channels.map((ch) => (
              <Total label={CHANNELS[ch.channel]} value={ch.asks} channel />
            ))}
          </dl>
          <Section
            id="unanswered"
            title="未能回答或只部分回答的问题（相似问法已合并）"
            report={report}
            rows={report.unanswered}
            columns={[
              {
                head: '问题',
                cell: (g) => (
                  <>
                    {g.question}
                    {g.variants.length > 0 && <div class="variants">相似问法：{g.variants.join('；')}</div>}
                  </>
                ),
              },
              { head: '次数', cell: (g) => g.asked, class: 'n' },
              { head: '未能／部分', cell: (g) => `${g.none}／${g.partial}`, class: 'n' },
              { head: '相近条款', cell: (g) => g.clauses.join(' ') },
              { head: '最近', cell: (g) => g.lastDay },
            ]}
          />
          <Section
            id="feedback"
            title="标为“没帮助”的回答"
            report={report}
            rows={report.notHelpful}
            columns={[
              { head: '时间', cell: (f) => beijingTime(f.at) },
              { head: '问题', cell: (f) => f.question },
              { head: '意见', cell: (f) => f.comment ?? '—', class: 'comment' },
              { head: '回答', cell: (f) => f.answer ?? '', class: 'answer' },
              { head: '条款', cell: (f) => f.clauses.join(' ') },
            ]}
          />
          <Section
            id="clauses"
            title="回答引用最多的条款"
            report={report}
            rows={report.clauses}
            columns={[
              { head: '条款', cell: (c) => <a href={`/clauses/${c.clause}`}>{c.clause}</a> },
              { head: '标题', cell: (c) => c.title },
              { head: '次数', cell: (c) => c.asks, class: 'n' },
            ]}
          />
          <Section
            id="days"
            title="按日统计"
            report={report}
            rows={report.days}
            columns={[
              { head: '日期', cell: (d) => d.day },
              ...coverageColumns,
              { head: '有帮助', cell: (d) => d.helpful, class: 'n' },
              { head: '没帮助', cell: (d) => d.notHelpful, class: 'n' },
            ]}
          />
        </main>
      </>
    ),
  });
}
