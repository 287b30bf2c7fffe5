// The plan this service answers from, as its metadata file names it: every sentence that names the plan takes the
// title from here, so a new edition of the metadata renames it everywhere.
import meta from '../../corpus/qinghai-fertility-plan-2022.meta.json';

/** The plan's full title, without book-title marks (青海省优化生育政策促进人口长期均衡发展的实施方案). */
export const PLAN_TITLE: string = meta.title;
