/** The demo accounts of the childcare side: a center operator in 塔山街道 and one reviewer per department of 越城区. */
import { sql } from 'drizzle-orm';
import type { Platform } from '../../app/context.ts';
import type { Role } from '../access/index.ts';
import type { Department } from './vocabulary.ts';

export const DEMO_REVIEWERS: { username: string; displayName: string; department: Department }[] = [
  { username: 'yuecheng-fgw', displayName: '越城区发改局 审核员', department: 'development' },
  { username: 'yuecheng-jyj', displayName: '越城区教育局 审核员', department: 'education' },
  { username: 'yuecheng-gaj', displayName: '越城区公安分局 审核员', department: 'publicSecurity' },
  { username: 'yuecheng-mzj', displayName: '越城区民政局 审核员', department: 'civilAffairs' },
  { username: 'yuecheng-rsj', displayName: '越城区人社局 审核员', department: 'humanResources' },
  { username: 'yuecheng-jsj', displayName: '越城区住建局 审核员', department: 'construction' },
  { username: 'yuecheng-wgl', displayName: '越城区文广旅游局 审核员', department: 'culture' },
  { username: 'yuecheng-wjj', displayName: '越城区卫健局 托育审核员', department: 'health' },
  { username: 'yuecheng-scj', displayName: '越城区市场监管局 审核员', department: 'marketRegulation' },
  { username: 'yuecheng-xfj', displayName: '越城区消防救援大队 审核员', department: 'fireRescue' },
];

export const CHILDCARE_DEMO_USERS: { username: string; displayName: string; role: Role; unitCode: string }[] = [
  { username: 'tashan-center', displayName: '塔山街道 小树苗托育园 钱园长', role: 'childcare_operator', unitCode: '330602001' },
  ...DEMO_REVIEWERS.map((r) => ({ username: r.username, displayName: r.displayName, role: 'filing_reviewer' as const, unitCode: '330602' })),
];

/** Gives the demo reviewer accounts their departments (after the accounts exist). */
export async function assignDemoReviewers(p: Platform): Promise<void> {
  for (const r of DEMO_REVIEWERS) {
    await p.db.orm.execute(
      sql`INSERT INTO childcare_department_reviewers (user_id, department) SELECT id, ${r.department} FROM users WHERE username = ${r.username}
          ON CONFLICT (user_id) DO UPDATE SET department = EXCLUDED.department`,
    );
  }
}
