import { randomBytes, randomUUID } from 'node:crypto';
import type { DateTime } from 'luxon';
import { type DayTimes, atTimeOfDay } from '../calendar/dayTimes';
import { timetableToIcs } from '../calendar/ics';
import { londonDayFromIso } from '../calendar/london';
import { parseNaturalDate } from '../calendar/naturalDate';
import { type Milestone, type Timetable, type TimetableEdition, type TimetableResult, computeTimetable } from '../calendar/timetable';
import { EDITION_LABEL, type GuidanceRecord } from '../guidance/schema';
import type { AdhocParse, RelativeReminder } from './adhoc';
import type { ContentResult, ContentSource } from './dispatcher';
import { cardDateTime } from './format';
import { DEFAULT_REMINDER_RULES, type ReminderRule, parseReminderRules, planReminderInstants, reminderInstant } from './plan';
import type { InspectionRepository, NewInspection, Replan, ReminderRepository } from './ports';
import { type ItemStatus, itemStatus } from './status';
import type { Inspection, MilestoneOwner, NewReminder, Person, Reminder, ReminderTarget } from './types';

/**
 * The coordinator's side of the inspection: set the live inspection, see its timetable with
 * each return's status and owner, mark returns done, assign owners, and the reminder jobs that
 * follow from all that. Storage comes in through ports; time comes in as `now`.
 */

/** Who is acting, and where: read from the activity by bot/, never from a card. */
export interface Actor {
  readonly person: Person;
  readonly tenantId: string;
  /** The team, or the chat: where a live inspection belongs. */
  readonly partnershipKey: string;
  readonly conversationId: string;
  readonly conversationType: string;
}

export interface InspectionItem {
  readonly milestone: Milestone;
  readonly status: ItemStatus;
  readonly owner: MilestoneOwner | undefined;
}

export interface InspectionView {
  readonly inspection: Inspection;
  readonly timetable: Timetable;
  readonly items: readonly InspectionItem[];
  readonly pendingReminders: number;
  readonly now: DateTime;
}

export type Invalid = { readonly status: 'invalid'; readonly message: string };

export type SetResult =
  | Invalid
  | { readonly status: 'confirm-replace'; readonly existing: Inspection; readonly timetable: Timetable }
  | { readonly status: 'unchanged'; readonly view: InspectionView }
  | { readonly status: 'set'; readonly view: InspectionView; readonly replaced: Inspection | undefined; readonly planned: number };

export type ActResult<T> =
  | { readonly status: 'not-found'; readonly message: string }
  | { readonly status: 'forbidden'; readonly message: string }
  | Invalid
  | ({ readonly status: 'ok' } & T);

export type MilestoneMatch =
  | { readonly status: 'found'; readonly milestone: Milestone }
  | { readonly status: 'ambiguous'; readonly choices: readonly Milestone[] }
  | { readonly status: 'none' };

export interface InspectionServiceDeps {
  readonly inspections: InspectionRepository;
  readonly reminders: ReminderRepository;
  /** The knowledge base's records: the deadline records are the timetable's one source. */
  readonly records: readonly GuidanceRecord[];
  readonly dayTimes?: Partial<DayTimes>;
  readonly newId?: () => string;
  readonly newToken?: () => string;
}

const NO_INSPECTION =
  'There is no live inspection here yet. A coordinator sets one with "set inspection" and the notification date, for example "set inspection 1 June 2026".';

export class InspectionService implements ContentSource {
  private readonly newId: () => string;
  private readonly newToken: () => string;
  private readonly timetables = new Map<string, Timetable>();

  constructor(private readonly deps: InspectionServiceDeps) {
    this.newId = deps.newId ?? (() => randomUUID());
    this.newToken = deps.newToken ?? (() => randomBytes(24).toString('base64url'));
  }

  /** A timetable for any notification date, as people type it ("1 June 2026", "today"). */
  timetable(dateText: string, edition: TimetableEdition, now: DateTime): TimetableResult {
    const notified = parseNaturalDate(dateText, now);
    if (notified === undefined) {
      return {
        status: 'invalid',
        reason: 'unparseable-date',
        message: `"${shortened(dateText.trim())}" is not a date I can read. Try for example "1 June 2026", "2026-06-01" or "today".`,
      };
    }
    return computeTimetable({ deadlines: this.deps.records, edition, notified, now, ...this.times() });
  }

  get(inspectionId: string): Promise<Inspection | undefined> {
    return this.deps.inspections.get(inspectionId);
  }

  /** The timetable card last posted where the inspection was set: later changes update it. */
  rememberCard(inspectionId: string, activityId: string): Promise<void> {
    return this.deps.inspections.setCardActivity(inspectionId, activityId);
  }

  live(actor: Pick<Actor, 'tenantId' | 'partnershipKey'>): Promise<Inspection | undefined> {
    return this.deps.inspections.live(actor.tenantId, actor.partnershipKey);
  }

  /** The live inspection with each return's status, for the timetable card. */
  async view(inspection: Inspection, now: DateTime): Promise<InspectionView> {
    const timetable = this.timetableOf(inspection);
    const [marks, owners, pendingReminders] = await Promise.all([
      this.deps.inspections.marks(inspection.id),
      this.deps.inspections.owners(inspection.id),
      this.deps.reminders.pendingDeadlineCount(inspection.id),
    ]);
    const markOf = new Map(marks.map((m) => [m.milestoneId, m]));
    const ownerOf = new Map(owners.map((o) => [o.milestoneId, o]));
    const items = timetable.milestones.map((milestone) => ({
      milestone,
      status: itemStatus(milestone.due, now, markOf.get(milestone.id)),
      owner: ownerOf.get(milestone.id),
    }));
    return { inspection, timetable, items, pendingReminders, now };
  }

  /**
   * Sets this partnership's live inspection and plans its reminders. A different live
   * inspection is only replaced when `replacing` names it (the coordinator confirmed).
   */
  async set(request: { actor: Actor; dateText: string; edition: TimetableEdition; now: DateTime; replacing?: string }): Promise<SetResult> {
    const { actor, now } = request;
    const computed = this.timetable(request.dateText, request.edition, now);
    if (computed.status === 'invalid') return { status: 'invalid', message: computed.message };
    const { timetable } = computed;

    const existing = await this.live(actor);
    if (existing && existing.id !== request.replacing) {
      if (existing.notified === timetable.notified && existing.edition === timetable.edition) {
        return { status: 'unchanged', view: await this.view(existing, now) };
      }
      return { status: 'confirm-replace', existing, timetable };
    }
    const inspection: NewInspection = {
      id: this.newId(),
      tenantId: actor.tenantId,
      partnershipKey: actor.partnershipKey,
      conversationId: actor.conversationId,
      conversationType: actor.conversationType,
      notified: timetable.notified,
      edition: timetable.edition,
      coordinator: actor.person,
      rules: DEFAULT_REMINDER_RULES,
      calendarToken: this.newToken(),
      at: now,
    };
    this.timetables.set(key(timetable.edition, timetable.notified), timetable);
    const reminders = this.plan(inspection, timetable, new Map(), new Set(), now);
    const created = await this.deps.inspections.create(inspection, reminders, existing?.id);
    if (created === 'conflict') {
      const current = await this.live(actor);
      if (!current) return { status: 'invalid', message: 'Someone else changed the live inspection at the same moment. Please try again.' };
      return { status: 'confirm-replace', existing: current, timetable };
    }
    return { status: 'set', view: await this.view(created, now), replaced: existing, planned: reminders.length };
  }

  /** Done or undone, by the person acting; pending reminders stop, or are planned again. */
  async mark(request: { inspectionId: string; milestoneId: string; done: boolean; actor: Actor; now: DateTime }): Promise<ActResult<{ view: InspectionView; changed: boolean; milestone: Milestone }>> {
    const { actor, now } = request;
    const found = await this.actionable(request.inspectionId, actor);
    if (found.status !== 'ok') return found;
    const { inspection, owners } = found;
    const timetable = this.timetableOf(inspection);
    const milestone = timetable.milestones.find((m) => m.id === request.milestoneId);
    if (!milestone) return { status: 'not-found', message: 'That item is not in this inspection\'s timetable.' };
    const replan: Replan = {
      milestoneIds: [milestone.id],
      reminders: request.done ? [] : this.plan(inspection, timetable, ownerMap(owners), new Set(), now, new Set([milestone.id])),
    };
    const result = await this.deps.inspections.mark(
      { inspectionId: inspection.id, milestoneId: milestone.id, done: request.done, by: actor.person, at: now },
      replan,
    );
    return { status: 'ok', view: await this.view(inspection, now), changed: result === 'marked', milestone };
  }

  /** Finds a milestone by id, title words or the deadline record's aliases. */
  findMilestone(timetable: Timetable, query: string): MilestoneMatch {
    const q = normalise(query);
    if (q === '') return { status: 'none' };
    const byId = timetable.milestones.find((m) => m.id === q.replace(/ /g, '-'));
    if (byId) return { status: 'found', milestone: byId };
    const records = new Map(this.deps.records.map((r) => [r.id, r]));
    const phrases = (m: Milestone): string[] => [m.title, m.id.replace(/-/g, ' '), ...(records.get(m.recordId)?.aliases ?? [])].map(normalise);
    const exact = timetable.milestones.filter((m) => phrases(m).includes(q));
    if (exact.length === 1 && exact[0]) return { status: 'found', milestone: exact[0] };
    const words = q.split(' ').filter((w) => !STOPWORDS.has(w));
    if (words.length === 0) return { status: 'none' };
    const scored = timetable.milestones
      .map((m) => {
        const hay = new Set(phrases(m).join(' ').split(' '));
        const hits = words.filter((w) => [...hay].some((h) => h === w || (w.length >= 4 && (h.startsWith(w) || w.startsWith(h)) && h.length >= 4)));
        return { m, hits: hits.length };
      })
      .filter((s) => s.hits > 0)
      .sort((a, b) => b.hits - a.hits);
    const best = scored[0];
    if (!best) return { status: 'none' };
    const top = scored.filter((s) => s.hits === best.hits).map((s) => s.m);
    if (top.length === 1 && best.hits === words.length && top[0]) return { status: 'found', milestone: top[0] };
    return { status: 'ambiguous', choices: top.slice(0, 5) };
  }

  /** Assigns an owner (an agency and/or a person) to a milestone of the live inspection here. */
  async assign(request: {
    actor: Actor;
    inspectionId?: string;
    milestone: string;
    agency: string | undefined;
    person: Person | undefined;
    now: DateTime;
  }): Promise<ActResult<{ view: InspectionView; milestone: Milestone; owner: MilestoneOwner }>> {
    const { actor, now } = request;
    const inspection = request.inspectionId ? await this.deps.inspections.get(request.inspectionId) : await this.live(actor);
    if (!inspection || !inspection.live) return { status: 'not-found', message: NO_INSPECTION };
    const found = await this.actionable(inspection.id, actor);
    if (found.status !== 'ok') return found;
    const timetable = this.timetableOf(inspection);
    const match = request.inspectionId
      ? ((m): MilestoneMatch => (m ? { status: 'found', milestone: m } : { status: 'none' }))(timetable.milestones.find((m) => m.id === request.milestone))
      : this.findMilestone(timetable, request.milestone);
    if (match.status === 'none') {
      return { status: 'invalid', message: `No item of the timetable matches "${request.milestone}". The items are: ${timetable.milestones.map((m) => m.id).join(', ')}.` };
    }
    if (match.status === 'ambiguous') {
      return { status: 'invalid', message: `"${request.milestone}" could be ${match.choices.map((m) => `${m.title} (${m.id})`).join('; ')}. Say which, by its id.` };
    }
    const agency = request.agency?.trim();
    if (!agency && !request.person) return { status: 'invalid', message: 'Say who owns it: an agency (for example "police"), a person (@mention them, or "me"), or both.' };
    const milestone = match.milestone;
    const owner: MilestoneOwner = { milestoneId: milestone.id, agency: agency || undefined, person: request.person, assignedBy: actor.person, at: now };
    const marks = await this.deps.inspections.marks(inspection.id);
    const done = new Set(marks.filter((m) => m.done).map((m) => m.milestoneId));
    const owners = ownerMap(found.owners);
    owners.set(milestone.id, owner);
    const replan: Replan = { milestoneIds: [milestone.id], reminders: this.plan(inspection, timetable, owners, done, now, new Set([milestone.id])) };
    await this.deps.inspections.assign({ ...owner, inspectionId: inspection.id }, replan);
    return { status: 'ok', view: await this.view(inspection, now), milestone, owner };
  }

  /** Changes when deadline reminders fire for the live inspection here, and replans them. */
  async setRules(request: { actor: Actor; text: string; now: DateTime }): Promise<ActResult<{ view: InspectionView; rules: readonly ReminderRule[]; planned: number }>> {
    const inspection = await this.live(request.actor);
    if (!inspection) return { status: 'not-found', message: NO_INSPECTION };
    const found = await this.actionable(inspection.id, request.actor);
    if (found.status !== 'ok') return found;
    const parsed = parseReminderRules(request.text);
    if (parsed.status === 'invalid') return parsed;
    const timetable = this.timetableOf(inspection);
    const marks = await this.deps.inspections.marks(inspection.id);
    const done = new Set(marks.filter((m) => m.done).map((m) => m.milestoneId));
    const updated: Inspection = { ...inspection, rules: parsed.rules };
    const reminders = this.plan(updated, timetable, ownerMap(found.owners), done, request.now);
    await this.deps.inspections.setRules(inspection.id, parsed.rules, { milestoneIds: timetable.milestones.map((m) => m.id), reminders }, request.now);
    return { status: 'ok', view: await this.view(updated, request.now), rules: parsed.rules, planned: reminders.length };
  }

  /** Stores an ad hoc reminder ("remind me|us ..."); bot/ chose the target. */
  async addAdhoc(request: { actor: Actor; parsed: Extract<AdhocParse, { status: 'ok' }>; target: ReminderTarget }): Promise<NewReminder> {
    const reminder: NewReminder = {
      id: this.newId(),
      subject: { kind: 'adhoc', text: request.parsed.text, audience: request.parsed.audience },
      target: request.target,
      tenantId: request.actor.tenantId,
      dueAt: request.parsed.at.toUTC(),
      createdBy: request.actor.person,
    };
    await this.deps.reminders.add(reminder);
    return reminder;
  }

  /** "remind me 2 days before the key documents": a one-off reminder timed from an item of the live inspection. */
  async addRelative(request: { actor: Actor; parsed: RelativeReminder; target: ReminderTarget; now: DateTime }): Promise<
    Invalid | { status: 'ok'; reminder: NewReminder; milestone: Milestone }
  > {
    const { actor, parsed, now } = request;
    const inspection = await this.live(actor);
    if (!inspection) return { status: 'invalid', message: `${NO_INSPECTION} Then I can remind you before any of its deadlines.` };
    const timetable = this.timetableOf(inspection);
    const match = this.findMilestone(timetable, parsed.item);
    if (match.status === 'none') {
      return { status: 'invalid', message: `No item of the timetable matches "${parsed.item}". The items are: ${timetable.milestones.map((m) => m.id).join(', ')}.` };
    }
    if (match.status === 'ambiguous') {
      return { status: 'invalid', message: `"${parsed.item}" could be ${match.choices.map((m) => `${m.title} (${m.id})`).join('; ')}. Say which, by its id.` };
    }
    const { milestone } = match;
    const at = parsed.when.kind === 'on-the-day' ? atTimeOfDay(milestone.due.startOf('day'), parsed.when.at) : reminderInstant(milestone.due, parsed.when);
    if (at <= now) return { status: 'invalid', message: `${cardDateTime(at)} has already passed: ${milestone.title} is due ${cardDateTime(milestone.due)}.` };
    if (at > milestone.due) return { status: 'invalid', message: `${cardDateTime(at)} is after ${milestone.title} is due (${cardDateTime(milestone.due)}).` };
    const text = `${milestone.title} is due ${cardDateTime(milestone.due)}${parsed.text ? `: ${parsed.text}` : '.'}`.slice(0, 500);
    const reminder: NewReminder = {
      id: this.newId(),
      subject: { kind: 'adhoc', text, audience: parsed.audience },
      target: request.target,
      tenantId: actor.tenantId,
      dueAt: at.toUTC(),
      createdBy: actor.person,
    };
    await this.deps.reminders.add(reminder);
    return { status: 'ok', reminder, milestone };
  }

  myReminders(actor: Actor): Promise<Reminder[]> {
    return this.deps.reminders.pendingAdhoc({ userId: actor.person.id, conversationId: actor.conversationId });
  }

  /** The person who set it can cancel it; so can anyone in the conversation it is for. */
  async cancelReminder(id: string, actor: Actor): Promise<'cancelled' | 'not-found' | 'forbidden' | 'not-pending'> {
    const r = await this.deps.reminders.get(id);
    if (!r || r.subject.kind !== 'adhoc' || r.tenantId !== actor.tenantId) return 'not-found';
    const mine = r.createdBy !== undefined && samePerson(r.createdBy, actor.person);
    const here = r.target.kind === 'conversation' && r.target.conversationId === actor.conversationId;
    if (!mine && !here) return 'forbidden';
    if (r.status !== 'pending') return 'not-pending';
    return (await this.deps.reminders.cancel(id, 'cancelled by a person')) ? 'cancelled' : 'not-pending';
  }

  /** What a reminder card says at the moment it goes, or why it should not go. */
  async contentFor(reminder: Reminder, now: DateTime): Promise<ContentResult> {
    const subject = reminder.subject;
    if (subject.kind === 'adhoc') {
      return { status: 'send', content: { kind: 'adhoc', text: subject.text, audience: subject.audience, setBy: reminder.createdBy } };
    }
    const inspection = await this.deps.inspections.get(subject.inspectionId);
    if (!inspection || !inspection.live) return { status: 'cancel', reason: 'the inspection is no longer live' };
    const milestone = this.timetableOf(inspection).milestones.find((m) => m.id === subject.milestoneId);
    if (!milestone) return { status: 'cancel', reason: 'the milestone is no longer in the timetable' };
    const [marks, owners] = await Promise.all([this.deps.inspections.marks(inspection.id), this.deps.inspections.owners(inspection.id)]);
    const status = itemStatus(milestone.due, now, marks.find((m) => m.milestoneId === milestone.id));
    if (status.status === 'done') return { status: 'cancel', reason: 'already done' };
    return {
      status: 'send',
      content: {
        kind: 'deadline',
        inspectionId: inspection.id,
        milestoneId: milestone.id,
        title: milestone.title,
        due: milestone.due,
        who: milestone.who,
        owner: owners.find((o) => o.milestoneId === milestone.id),
        status,
        moved: milestone.moved,
      },
    };
  }

  /** The live inspection's timetable as an .ics file, for the unguessable calendar link. */
  async calendarFile(token: string, now: DateTime): Promise<{ filename: string; body: string } | undefined> {
    if (!/^[A-Za-z0-9_-]{20,64}$/.test(token)) return undefined;
    const inspection = await this.deps.inspections.byCalendarToken(token);
    if (!inspection || !inspection.live) return undefined;
    const timetable = this.timetableOf(inspection);
    return {
      filename: `jtai-timetable-${timetable.notified}.ics`,
      body: timetableToIcs(timetable, { now, title: `JTAI timetable (${EDITION_LABEL[timetable.edition]}), notified ${timetable.notified}` }),
    };
  }

  /** The timetable of a stored inspection (its date was checked when it was set). */
  timetableOf(inspection: Pick<Inspection, 'edition' | 'notified'>): Timetable {
    const k = key(inspection.edition, inspection.notified);
    const cached = this.timetables.get(k);
    if (cached) return cached;
    const day = londonDayFromIso(inspection.notified);
    if (!day) throw new Error(`stored inspection has a bad notification date`);
    const result = computeTimetable({ deadlines: this.deps.records, edition: inspection.edition, notified: inspection.notified, now: day, ...this.times() });
    if (result.status === 'invalid') throw new Error(`stored inspection has no timetable (${result.reason})`);
    if (this.timetables.size > 200) this.timetables.clear();
    this.timetables.set(k, result.timetable);
    return result.timetable;
  }

  /** The reminder jobs for the milestones not done, to the inspection's conversation and people. */
  private plan(
    inspection: Pick<NewInspection, 'id' | 'tenantId' | 'conversationId' | 'conversationType' | 'coordinator' | 'rules'>,
    timetable: Timetable,
    owners: ReadonlyMap<string, MilestoneOwner>,
    done: ReadonlySet<string>,
    now: DateTime,
    only?: ReadonlySet<string>,
  ): NewReminder[] {
    const milestones = only ? timetable.milestones.filter((m) => only.has(m.id)) : timetable.milestones;
    const instants = planReminderInstants({ milestones, rules: inspection.rules, now, done });
    return instants.flatMap((p) =>
      targetsFor(inspection, owners.get(p.milestoneId)).map(
        (target): NewReminder => ({
          id: this.newId(),
          subject: { kind: 'deadline', inspectionId: inspection.id, milestoneId: p.milestoneId, deadlineAt: p.deadlineAt.toUTC() },
          target,
          tenantId: inspection.tenantId,
          dueAt: p.at.toUTC(),
          createdBy: undefined,
        }),
      ),
    );
  }

  /** The live inspection and its owners, when this person may change it from here. */
  private async actionable(inspectionId: string, actor: Actor): Promise<ActResult<{ inspection: Inspection; owners: MilestoneOwner[] }>> {
    const inspection = await this.deps.inspections.get(inspectionId);
    if (!inspection || inspection.tenantId !== actor.tenantId) return { status: 'not-found', message: 'I could not find that inspection.' };
    if (!inspection.live) return { status: 'not-found', message: 'That inspection has been replaced by a newer one: ask me for "deadlines" to see the live one.' };
    const owners = await this.deps.inspections.owners(inspection.id);
    const allowed =
      inspection.partnershipKey === actor.partnershipKey ||
      samePerson(inspection.coordinator, actor.person) ||
      owners.some((o) => o.person !== undefined && samePerson(o.person, actor.person));
    if (!allowed) {
      return { status: 'forbidden', message: 'Only the coordinator, the owners of its items and the team where it was set can change this inspection.' };
    }
    return { status: 'ok', inspection, owners };
  }

  private times(): { times?: Partial<DayTimes> } {
    return this.deps.dayTimes ? { times: this.deps.dayTimes } : {};
  }
}

/** The same person, whichever of their ids a record holds. */
export function samePerson(a: Person, b: Person): boolean {
  return a.id === b.id || (a.teamsId !== undefined && (a.teamsId === b.teamsId || a.teamsId === b.id)) || (b.teamsId !== undefined && b.teamsId === a.id);
}

/** The conversation where it was set, the coordinator and the item's owner (each once). */
export function targetsFor(
  inspection: Pick<Inspection, 'conversationId' | 'conversationType' | 'coordinator'>,
  owner: MilestoneOwner | undefined,
): ReminderTarget[] {
  const targets: ReminderTarget[] = [{ kind: 'conversation', conversationId: inspection.conversationId }];
  const people: Person[] = [];
  for (const p of [inspection.coordinator, owner?.person]) if (p && !people.some((q) => samePerson(p, q))) people.push(p);
  for (const p of people) {
    // Set in the coordinator's own chat: that chat already gets the card.
    if (inspection.conversationType === 'personal' && samePerson(p, inspection.coordinator)) continue;
    targets.push({ kind: 'user', userId: p.id });
  }
  return targets;
}

function ownerMap(owners: readonly MilestoneOwner[]): Map<string, MilestoneOwner> {
  return new Map(owners.map((o) => [o.milestoneId, o]));
}

function key(edition: TimetableEdition, notified: string): string {
  return `${edition}|${notified}`;
}

const STOPWORDS = new Set(['the', 'a', 'an', 'of', 'to', 'for', 'and', 'on', 'in', 'by', 'list', 'item', 'return']);

function normalise(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** What the person typed, short enough to quote back in a reply. */
function shortened(text: string, max = 60): string {
  return text.length > max ? `${text.slice(0, max - 3)}...` : text;
}
