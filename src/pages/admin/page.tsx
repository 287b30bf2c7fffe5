// The staff view at /admin, rendered whole on the server (no script): a period form, the counts, the unanswered
// questions grouped by wording, the answers marked 没帮助 with comments, the clauses cited most, each with its CSV.
import type { Report } from '../../http/admin-schemas';
import { beijingTime } from '../../store/database';
import { document } from '../layout';

export interface AdminPageProps {
  report: Report;
  styles: string[];
}

const COVERAGE = { direct: '直接回答', partial: '部分回答', none: '未能回答' } as const;
const CHANNELS = { chat: '网页对话', widget: '嵌入网站', api: '接口', wechat: '微信' } as const;

const Export = ({ list, report }: { list: string; report: Report }) => (
  <a class="export" href={`/api/admin/export/${list}?from=${report.from}&to=${report.to}`} download>
    导出 CSV
  </a>
);

const Section = ({
  id,
  title,
  report,
  empty,
  children,
}: {
  id: string;
  title: string;
  report: Report;
  empty: boolean;
  children: unknown;
}) => (
  <section class="panel" data-section={id} aria-labelledby={`${id}-title`}>
    <header>
      <h2 id={`${id}-title`}>{title}</h2>
      <Export list={id} report={report} />
    </header>
    {empty ? <p class="empty">这段时间没有记录。</p> : children}
  </section>
);

export function adminPage({ report, styles }: AdminPageProps) {
  const t = report.totals;
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
            <div>
              <dt>提问</dt>
              <dd data-total="asks">{t.asks}</dd>
            </div>
            {(['direct', 'partial', 'none'] as const).map((k) => (
              <div>
                <dt>{COVERAGE[k]}</dt>
                <dd data-total={k}>{t[k]}</dd>
              </div>
            ))}
            <div>
              <dt>有帮助</dt>
              <dd data-total="helpful">{t.helpful}</dd>
            </div>
            <div>
              <dt>没帮助</dt>
              <dd data-total="notHelpful">{t.notHelpful}</dd>
            </div>
            {report.channels.map((ch) => (
              <div class="channel">
                <dt>{CHANNELS[ch.channel]}</dt>
                <dd>{ch.asks}</dd>
              </div>
            ))}
          </dl>
          <Section
            id="unanswered"
            title="未能回答或只部分回答的问题（相似问法已合并）"
            report={report}
            empty={report.unanswered.length === 0}
          >
            <table>
              <thead>
                <tr>
                  <th scope="col">问题</th>
                  <th scope="col">次数</th>
                  <th scope="col">未能／部分</th>
                  <th scope="col">相近条款</th>
                  <th scope="col">最近</th>
                </tr>
              </thead>
              <tbody>
                {report.unanswered.map((g) => (
                  <tr>
                    <td>
                      {g.question}
                      {g.variants.length > 0 && <div class="variants">相似问法：{g.variants.join('；')}</div>}
                    </td>
                    <td class="n">{g.asked}</td>
                    <td class="n">
                      {g.none}／{g.partial}
                    </td>
                    <td>{g.clauses.join(' ')}</td>
                    <td>{g.lastDay}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </Section>
          <Section id="feedback" title="标为“没帮助”的回答" report={report} empty={report.notHelpful.length === 0}>
            <table>
              <thead>
                <tr>
                  <th scope="col">时间</th>
                  <th scope="col">问题</th>
                  <th scope="col">意见</th>
                  <th scope="col">回答</th>
                  <th scope="col">条款</th>
                </tr>
              </thead>
              <tbody>
                {report.notHelpful.map((f) => (
                  <tr>
                    <td>{beijingTime(f.at)}</td>
                    <td>{f.question}</td>
                    <td class="comment">{f.comment ?? '—'}</td>
                    <td class="answer">{f.answer ?? ''}</td>
                    <td>{f.clauses.join(' ')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </Section>
          <Section id="clauses" title="回答引用最多的条款" report={report} empty={report.clauses.length === 0}>
            <table>
              <thead>
                <tr>
                  <th scope="col">条款</th>
                  <th scope="col">标题</th>
                  <th scope="col">次数</th>
                </tr>
              </thead>
              <tbody>
                {report.clauses.map((c) => (
                  <tr>
                    <td>
                      <a href={`/clauses/${c.clause}`}>{c.clause}</a>
                    </td>
                    <td>{c.title}</td>
                    <td class="n">{c.asks}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </Section>
          <Section id="days" title="按日统计" report={report} empty={report.days.length === 0}>
            <table>
              <thead>
                <tr>
                  <th scope="col">日期</th>
                  {(['direct', 'partial', 'none'] as const).map((k) => (
                    <th scope="col">{COVERAGE[k]}</th>
                  ))}
                  <th scope="col">有帮助</th>
                  <th scope="col">没帮助</th>
                </tr>
              </thead>
              <tbody>
                {report.days.map((d) => (
                  <tr>
                    <td>{d.day}</td>
                    <td class="n">{d.direct}</td>
                    <td class="n">{d.partial}</td>
                    <td class="n">{d.none}</td>
                    <td class="n">{d.helpful}</td>
                    <td class="n">{d.notHelpful}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </Section>
        </main>
      </>
    ),
  });
}
