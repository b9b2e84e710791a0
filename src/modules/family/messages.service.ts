import { and, asc, desc, eq, gte, isNull, or, sql } from 'drizzle-orm';
import type { Platform } from '../../app/context.ts';
import { AppError } from '../../app/errors.ts';
import { inScope, requirePermission, type Actor } from '../../app/scope.ts';
import { appendAudit } from '../audit/index.ts';
import { actorDisplayName } from '../access/index.ts';
import { centerForActor } from '../admission/index.ts';
import { childcareCenters, childcareEnrolments } from '../childcare/index.ts';
import { assertGuardianOf } from '../guardianship/index.ts';
import { persons } from '../people/index.ts';
import { familyMessages, familyNotices } from './schema.ts';
import type { MessageView, NoticeView, ThreadView } from './contract.ts';
import { currentEnrolment, iso } from './shared.ts';

const messageColumns = {
  id: familyMessages.id,
  personId: familyMessages.personId,
  senderSide: familyMessages.senderSide,
  senderName: familyMessages.senderName,
  body: familyMessages.body,
  createdAt: familyMessages.createdAt,
  readAt: familyMessages.readAt,
};
const toMessage = (m: MessageView): MessageView => ({ ...m, createdAt: iso(m.createdAt)!, readAt: iso(m.readAt) });

/** The children a center has a conversation with: enrolled now, or with messages. */
export async function threads(p: Platform, actor: Actor, centerId: string): Promise<ThreadView[]> {
  const center = await centerForActor(p.db.orm, actor, centerId, 'family.staff');
  const today = p.today();
  const kids = await p.db.orm
    .selectDistinct({ personId: persons.id, childName: persons.name })
    .from(childcareEnrolments)
    .innerJoin(persons, eq(persons.id, childcareEnrolments.personId))
    .where(and(eq(childcareEnrolments.centerId, center.id), inScope(childcareEnrolments.unitCode, actor), or(isNull(childcareEnrolments.endDate), gte(childcareEnrolments.endDate, today))));
  const msgs = await p.db.orm
    .select(messageColumns)
    .from(familyMessages)
    .where(and(eq(familyMessages.centerId, center.id), inScope(familyMessages.unitCode, actor)))
    .orderBy(desc(familyMessages.createdAt))
    .limit(2000);
  const out = kids.map((k) => {
    const mine = msgs.filter((m) => m.personId === k.personId);
    return { ...k, last: mine[0] ? toMessage(mine[0]) : null, unread: mine.filter((m) => m.senderSide === 'parent' && !m.readAt).length };
  });
  return out.sort((a, b) => (b.last?.createdAt ?? '').localeCompare(a.last?.createdAt ?? '') || a.childName.localeCompare(b.childName));
}

/** The conversation of one child, for the center's staff (marks the parents' messages read). */
export async function staffMessages(p: Platform, actor: Actor, centerId: string, personId: string): Promise<MessageView[]> {
  return p.db.transaction(async (tx) => {
    const center = await centerForActor(tx, actor, centerId, 'family.staff');
    const where = and(eq(familyMessages.centerId, center.id), eq(familyMessages.personId, personId), inScope(familyMessages.unitCode, actor));
    await tx.update(familyMessages).set({ readAt: sql`now()` }).where(and(where, eq(familyMessages.senderSide, 'parent'), isNull(familyMessages.readAt)));
    return (await tx.select(messageColumns).from(familyMessages).where(where).orderBy(asc(familyMessages.createdAt))).map(toMessage);
  });
}

export async function sendStaffMessage(p: Platform, actor: Actor, centerId: string, personId: string, body: string): Promise<MessageView> {
  return p.db.transaction(async (tx) => {
    const center = await centerForActor(tx, actor, centerId, 'family.staff');
    const [e] = await tx
      .select({ id: childcareEnrolments.id })
      .from(childcareEnrolments)
      .where(and(eq(childcareEnrolments.centerId, center.id), eq(childcareEnrolments.personId, personId), inScope(childcareEnrolments.unitCode, actor)))
      .limit(1);
    if (!e) throw AppError.field('personId', 'family.notAtCenter');
    const [m] = await tx
      .insert(familyMessages)
      .values({ unitCode: center.unitCode, centerId: center.id, personId, senderId: actor.id, senderSide: 'staff', senderName: await actorDisplayName(tx, actor), body })
      .returning(messageColumns);
    await appendAudit(tx, actor, { action: 'family.message.send', entityType: 'person', entityId: personId, unitCode: center.unitCode, detail: { side: 'staff' } });
    return toMessage(m);
  });
}

/** The parent's conversation with the child's center (marks the staff's messages read). */
export async function parentMessages(p: Platform, actor: Actor, personId: string): Promise<MessageView[]> {
  requirePermission(actor, 'family.parent');
  return p.db.transaction(async (tx) => {
    await assertGuardianOf(tx, actor, personId);
    const e = await currentEnrolment(tx, personId, p.today());
    if (!e) return [];
    const where = and(eq(familyMessages.centerId, e.centerId), eq(familyMessages.personId, personId), inScope(familyMessages.unitCode, { scope: e.unitCode }));
    await tx.update(familyMessages).set({ readAt: sql`now()` }).where(and(where, eq(familyMessages.senderSide, 'staff'), isNull(familyMessages.readAt)));
    return (await tx.select(messageColumns).from(familyMessages).where(where).orderBy(asc(familyMessages.createdAt))).map(toMessage);
  });
}

export async function sendParentMessage(p: Platform, actor: Actor, personId: string, body: string): Promise<MessageView> {
  requirePermission(actor, 'family.parent');
  return p.db.transaction(async (tx) => {
    await assertGuardianOf(tx, actor, personId);
    const e = await currentEnrolment(tx, personId, p.today());
    if (!e) throw AppError.field('personId', 'family.notEnrolled');
    const [m] = await tx
      .insert(familyMessages)
      .values({ unitCode: e.unitCode, centerId: e.centerId, personId, senderId: actor.id, senderSide: 'parent', senderName: await actorDisplayName(tx, actor), body })
      .returning(messageColumns);
    await appendAudit(tx, actor, { action: 'family.message.send', entityType: 'person', entityId: personId, unitCode: e.unitCode, detail: { side: 'parent' } });
    return toMessage(m);
  });
}

// ---- notices ------------------------------------------------------------------------------

export const noticeColumns = {
  id: familyNotices.id,
  centerName: childcareCenters.name,
  title: familyNotices.title,
  body: familyNotices.body,
  publishedAt: familyNotices.publishedAt,
  authorName: familyNotices.authorName,
};

export async function centerNotices(p: Platform, actor: Actor, centerId: string): Promise<NoticeView[]> {
  const center = await centerForActor(p.db.orm, actor, centerId, 'family.staff');
  const rows = await p.db.orm
    .select(noticeColumns)
    .from(familyNotices)
    .innerJoin(childcareCenters, eq(childcareCenters.id, familyNotices.centerId))
    .where(and(eq(familyNotices.centerId, center.id), inScope(familyNotices.unitCode, actor)))
    .orderBy(desc(familyNotices.publishedAt));
  return rows.map((n) => ({ ...n, publishedAt: iso(n.publishedAt)! }));
}

export async function publishNotice(p: Platform, actor: Actor, centerId: string, input: { title: string; body: string }): Promise<NoticeView> {
  return p.db.transaction(async (tx) => {
    const center = await centerForActor(tx, actor, centerId, 'family.staff');
    const [n] = await tx
      .insert(familyNotices)
      .values({ unitCode: center.unitCode, centerId: center.id, title: input.title, body: input.body, authorId: actor.id, authorName: await actorDisplayName(tx, actor) })
      .returning();
    await appendAudit(tx, actor, { action: 'family.notice.publish', entityType: 'childcare_center', entityId: center.id, unitCode: center.unitCode, detail: { notice: n.id, title: input.title } });
    return { id: n.id, centerName: center.name, title: n.title, body: n.body, publishedAt: iso(n.publishedAt)!, authorName: n.authorName };
  });
}
