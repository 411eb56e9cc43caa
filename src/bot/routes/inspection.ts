import { MessageFactory, type TurnContext } from 'botbuilder';
import * as chrono from 'chrono-node';
import type { Application, TurnState } from '@microsoft/teams-ai';
import { z } from 'zod';
import { confirmReplaceCard } from '../../cards/confirmReplaceCard';
import type { CardAttachment } from '../../cards/render';
import { deadlineCard } from '../../cards/reminderCard';
import { OWNER_AGENCIES, liveTimetableCard, timetablePreviewCard } from '../../cards/timetableCard';
import { parseNaturalDate } from '../../calendar/naturalDate';
import { TimetableEdition } from '../../calendar/timetable';
import { cardDateTime } from '../../reminders/format';
import { describeRules } from '../../reminders/plan';
import type { Actor, InspectionView } from '../../reminders/service';
import type { Person } from '../../reminders/types';
import type { BotDeps } from '../deps';
import { actorFrom, mentionedPeople } from '../identity';
import { isAutomaticRefresh, respondToInvoke, updateForEveryone } from '../invoke';
import type { TextCommand } from '../commands';

/**
 * The coordinator's commands: timetables for any date, the live inspection (set, show,
 * assign owners, reminder times) and the Universal Actions on its cards (mark done, undo,
 * refresh, assign). A message is tried against the commands before it is taken as a question,
 * so they are kept precise: ordinary questions ("when is the draft report?") reach the answerer.
 */

export const DEADLINES = /^\s*(?:deadlines|our deadlines|show (?:the |our )?deadlines|(?:show )?(?:the |our )?live inspection|timetable|timeline)\s*[?.!]*\s*$/i;
export const TIMELINE = /^\s*(?:timeline|timetable)\s+(?:for\s+|from\s+|if\s+(?:we\s+are\s+|we're\s+)?notified\s+(?:on\s+)?)?(.+?)\s*[?.!]*\s*$/i;
export const SET_INSPECTION = /^\s*set\s+(?:the\s+|our\s+)?(?:live\s+)?inspection\b\s*(?:to\s+|for\s+|on\s+|as\s+)?(.*?)\s*[.!]*\s*$/i;
export const ASSIGN = /^\s*assign\s+(.+)\s+to\s+(.+?)\s*[.!]*\s*$/i;
export const REMINDER_TIMES = /^\s*(?:set\s+)?reminders?\s+(?:to\s+|at\s+)?(off|none|default|defaults|.*\bbefore)\s*[.!]*\s*$/i;
/** "we were notified today, when is fieldwork?": a notification and a date in one message. */
const NOTIFIED = /\bnotified\b|\bnotification\s+(?:call\s+)?(?:was|came|is|on)\b/i;

const EDITION_HINT_2018 = /\b2016\s*-\s*18\b|\b2018\s+(?:guidance|edition|programme|rules)\b|\bedition\s+2018\b|\bannex\s+a\b/i;

/** A day named outright ("today", "Monday", "1 June", "01/06/2026"), not a span ("the day after", "24 hours after"). */
const NAMED_DAY = /\b(?:today|yesterday|tomorrow|this (?:morning|afternoon)|mon|tue|wed|thu|fri|sat|sun|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b|\d{1,2}[/.-]\d{1,2}|\d{4}-\d{2}-\d{2}/i;
const SPAN = /\b(?:after|before|within|hours?|minutes?|weeks?|days?|months?)\b/i;

/**
 * The notification date in "we were notified today, when is fieldwork?", or undefined when the
 * message does not say when the area was notified (then it is a question for the answerer).
 */
export function notificationDate(text: string): string | undefined {
  if (!NOTIFIED.test(text)) return undefined;
  return chrono.en.GB.parse(text).find((r) => NAMED_DAY.test(r.text) && !SPAN.test(r.text))?.text;
}

/** "1 June 2026 2018" -> date and edition; "1 June 2024" stays a date (no edition given). */
export function splitEdition(text: string): { dateText: string; edition: TimetableEdition } {
  const explicit = /(?:^|[\s,(])(?:edition\s+(2018|2024)|(2018|2024)\s+edition|2016\s*-\s*18)(?:[\s,)]|$)/i.exec(text);
  if (explicit) {
    const edition = explicit[1] ?? explicit[2] ?? '2018';
    return { dateText: text.replace(explicit[0], ' ').trim(), edition: edition === '2024' ? '2024' : '2018' };
  }
  const trailing = /^(.*\S)[\s,]+\(?(2018|2024)\)?$/.exec(text.trim());
  if (trailing?.[1] && /\b\d{4}\b|^\s*(today|yesterday|tomorrow|last|next|this|mon|tue|wed|thu|fri)/i.test(trailing[1])) {
    return { dateText: trailing[1], edition: trailing[2] === '2018' ? '2018' : '2024' };
  }
  return { dateText: text.trim(), edition: '2024' };
}

/** Synonyms people use for the agencies in the guidance; anything else is kept as typed. */
const AGENCY_WORDS: Array<[RegExp, string]> = [
  [/^(?:the\s+)?(?:la|local authority|council|children'?s services|children'?s social care|csc|social care)$/i, 'local authority'],
  [/^(?:the\s+)?police$/i, 'police'],
  [/^(?:the\s+)?(?:health|nhs|icb|health services)$/i, 'health'],
  [/^(?:the\s+)?probation(?: service)?$/i, 'probation'],
  [/^(?:the\s+)?(?:yot|yjs|youth offending(?: team| service)?|youth justice(?: service)?)$/i, 'YOT'],
  [/^(?:the\s+)?(?:dcs|director of children'?s services)$/i, 'DCS'],
  [/^(?:the\s+)?(?:partnership|lscp|safeguarding partnership)$/i, 'partnership'],
];

export function normaliseAgency(text: string): string {
  const t = text.trim();
  for (const [pattern, agency] of AGENCY_WORDS) if (pattern.test(t)) return agency;
  return t;
}

const MarkData = z.object({
  inspectionId: z.string().min(1).max(100),
  milestoneId: z.string().min(1).max(100),
  card: z.enum(['timetable', 'reminder']).default('timetable'),
});
const InvokeVerb = z.object({ action: z.object({ verb: z.string() }) });
const InspectionData = z.object({ inspectionId: z.string().min(1).max(100) });
const AssignData = z.object({
  inspectionId: z.string().min(1).max(100),
  milestoneId: z.string().min(1).max(100),
  agency: z.string().max(60).optional(),
  me: z.enum(['true', 'false']).optional(),
});
const SetData = z.object({
  notified: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  edition: TimetableEdition,
  replacing: z.string().min(1).max(100).optional(),
});

/** The coordinator's typed commands, in the order they are tried. */
export function inspectionCommands(deps: BotDeps): TextCommand[] {
  const deadlines: TextCommand = (text) => (DEADLINES.test(text) ? (context) => showLive(context, deps) : undefined);

  // "timeline 1 June 2026", "timeline today"; "timeline of the inspection" stays a question.
  const timeline: TextCommand = (text) => {
    const rest = TIMELINE.exec(text)?.[1];
    if (rest === undefined || !(/\d/.test(rest) || parseNaturalDate(rest, deps.now()) !== undefined)) return undefined;
    return async (context) => {
      const { dateText, edition } = splitEdition(rest);
      await sendTimetable(context, deps, dateText, edition, undefined);
    };
  };

  const setLive: TextCommand = (text) => {
    const match = SET_INSPECTION.exec(text);
    if (!match) return undefined;
    return async (context) => {
      const rest = (match[1] ?? '').trim();
      if (rest === '') {
        await context.sendActivity('Tell me the notification date, for example "set inspection 1 June 2026", or "set inspection 2 June 2026 2018" for the 2016-18 programme.');
        return;
      }
      const { dateText, edition } = splitEdition(rest);
      const result = await setInspection(context, deps, dateText, edition, undefined);
      const sent = await context.sendActivity(typeof result.reply === 'string' ? result.reply : MessageFactory.attachment(result.reply));
      if (result.view && sent?.id) await rememberCard(context, deps, result.view, sent.id);
    };
  };

  const assign: TextCommand = (text) => {
    const match = ASSIGN.exec(text);
    return match ? (context) => assignByText(context, deps, match[1] ?? '', match[2] ?? '') : undefined;
  };

  const reminderTimes: TextCommand = (text) => {
    const match = REMINDER_TIMES.exec(text);
    if (!match) return undefined;
    return async (context) => {
      const result = await deps.inspections.setRules({ actor: actorFrom(context), text: match[1] ?? '', now: deps.now() });
      if (result.status !== 'ok') {
        await context.sendActivity(result.message);
        return;
      }
      deps.logger.info('inspection.rules-set', { rules: result.rules.length, planned: result.planned });
      await send(context, deps, result.view, `Deadline reminders now go at ${describeRules(result.rules)}: ${result.planned} scheduled.`);
    };
  };

  // Natural questions with a notification date: answered with the timetable for that date.
  const notified: TextCommand = (text) => {
    const date = notificationDate(text);
    if (date === undefined) return undefined;
    return (context) => sendTimetable(context, deps, date, EDITION_HINT_2018.test(text) ? '2018' : '2024', text);
  };

  return [deadlines, timeline, setLive, assign, reminderTimes, notified];
}

/** The Universal Actions on the timetable and reminder cards. */
export function registerInspectionRoutes(app: Application<TurnState>, deps: BotDeps): void {
  app.adaptiveCards.actionExecute(['markDone', 'undoDone'], async (context, _state, data) => {
    const parsed = MarkData.safeParse(data);
    if (!parsed.success) return reply(context, 'Sorry, I could not read that button.');
    const done = InvokeVerb.safeParse(context.activity.value).data?.action.verb === 'markDone';
    const actor = actorFrom(context);
    const result = await deps.inspections.mark({ ...parsed.data, done, actor, now: deps.now() });
    if (result.status !== 'ok') return reply(context, result.message);
    deps.logger.info(done ? 'milestone.done' : 'milestone.undone', { changed: result.changed, card: parsed.data.card });
    let card: CardAttachment;
    if (parsed.data.card === 'reminder') {
      const item = result.view.items.find((i) => i.milestone.id === parsed.data.milestoneId);
      if (!item) return reply(context, 'That item is not in the timetable any more.');
      card = deadlineCard(
        { kind: 'deadline', inspectionId: result.view.inspection.id, milestoneId: item.milestone.id, title: item.milestone.title, due: item.milestone.due, who: item.milestone.who, owner: item.owner, status: item.status, moved: item.milestone.moved },
        deps.now(),
      );
    } else {
      card = liveCard(deps, result.view, actor);
    }
    await showChange(context, deps, card, result.view);
    return '';
  });

  app.adaptiveCards.actionExecute('refreshTimetable', async (context, _state, data) => {
    const parsed = InspectionData.safeParse(data);
    if (!parsed.success) return reply(context, 'Sorry, I could not read that button.');
    const inspection = await deps.inspections.get(parsed.data.inspectionId);
    const actor = actorFrom(context);
    if (!inspection || inspection.tenantId !== actor.tenantId) return reply(context, 'I could not find that inspection.');
    if (!inspection.live) return reply(context, 'That inspection has been replaced: ask me for "deadlines" to see the live one.');
    const view = await deps.inspections.view(inspection, deps.now());
    await respondToInvoke(context, liveCard(deps, view, actor));
    if (!isAutomaticRefresh(context)) deps.logger.info('inspection.refreshed', {});
    return '';
  });

  app.adaptiveCards.actionExecute('assignOwner', async (context, _state, data) => {
    const parsed = AssignData.safeParse(data);
    if (!parsed.success) return reply(context, 'Sorry, I could not read that form: choose an item, and an agency or "Make me the owner".');
    const actor = actorFrom(context);
    const agency = parsed.data.agency?.trim() ? normaliseAgency(parsed.data.agency) : undefined;
    if (agency !== undefined && !OWNER_AGENCIES.includes(agency)) return reply(context, 'Choose one of the agencies in the list.');
    const result = await deps.inspections.assign({
      actor,
      inspectionId: parsed.data.inspectionId,
      milestone: parsed.data.milestoneId,
      agency,
      person: parsed.data.me === 'true' ? actor.person : undefined,
      now: deps.now(),
    });
    if (result.status !== 'ok') return reply(context, result.message);
    deps.logger.info('milestone.assigned', { agency: result.owner.agency !== undefined, person: result.owner.person !== undefined });
    const card = liveCard(deps, result.view, actor);
    await showChange(context, deps, card, result.view);
    return '';
  });

  app.adaptiveCards.actionExecute('setInspection', async (context, _state, data) => {
    const parsed = SetData.safeParse(data);
    if (!parsed.success) return reply(context, 'Sorry, I could not read that button.');
    const result = await setInspection(context, deps, parsed.data.notified, parsed.data.edition, parsed.data.replacing);
    await respondToInvoke(context, result.reply);
    if (typeof result.reply !== 'string' && result.view) {
      await updateForEveryone(context, result.reply, deps.logger);
      const id = context.activity.replyToId;
      if (id) await rememberCard(context, deps, result.view, id);
    }
    return '';
  });
}

function reply(context: TurnContext, message: string): Promise<string> {
  return respondToInvoke(context, message).then(() => '');
}

async function showLive(context: TurnContext, deps: BotDeps): Promise<void> {
  const actor = actorFrom(context);
  const inspection = await deps.inspections.live(actor);
  if (!inspection) {
    await context.sendActivity(
      'There is no live inspection here yet. A coordinator sets one with "set inspection" and the notification date, for example "set inspection 1 June 2026". To see a timetable for any date, say "timeline 1 June 2026".',
    );
    return;
  }
  await send(context, deps, await deps.inspections.view(inspection, deps.now()), undefined);
}

/** Sends the live timetable card; in the inspection's own conversation it becomes the card kept up to date. */
async function send(context: TurnContext, deps: BotDeps, view: InspectionView, intro: string | undefined): Promise<void> {
  const sent = await context.sendActivity(MessageFactory.attachment(liveCard(deps, view, actorFrom(context), intro)));
  if (sent?.id) await rememberCard(context, deps, view, sent.id);
}

async function rememberCard(context: TurnContext, deps: BotDeps, view: InspectionView, activityId: string): Promise<void> {
  if (context.activity.conversation?.id !== view.inspection.conversationId) return;
  await deps.inspections.rememberCard(view.inspection.id, activityId);
}

/** A change from a card: the card acted on, everyone's copy of it, and the channel's timetable card all show it. */
async function showChange(context: TurnContext, deps: BotDeps, card: CardAttachment, view: InspectionView): Promise<void> {
  await respondToInvoke(context, card);
  await updateForEveryone(context, card, deps.logger);
  await syncStoredCard(context, deps, view);
}

/** After a change made elsewhere (a reminder card, another chat), the channel's timetable card follows. */
async function syncStoredCard(context: TurnContext, deps: BotDeps, view: InspectionView): Promise<void> {
  const { inspection } = view;
  if (!inspection.cardActivityId) return;
  if (context.activity.conversation?.id === inspection.conversationId && context.activity.replyToId === inspection.cardActivityId) return;
  const destination = await deps.destinations.conversation(inspection.conversationId);
  if (!destination?.active) return;
  await deps.proactive.updateCard(destination.reference, inspection.cardActivityId, liveCard(deps, view, undefined));
}

function liveCard(deps: BotDeps, view: InspectionView, actor: Actor | undefined, intro?: string): CardAttachment {
  const ids = new Set<string>();
  const add = (p: Person | undefined) => {
    if (p?.teamsId) ids.add(p.teamsId);
  };
  add(view.inspection.coordinator);
  for (const item of view.items) add(item.owner?.person);
  add(actor?.person);
  return liveTimetableCard(view, {
    ...(intro !== undefined ? { intro } : {}),
    calendarUrl: `${deps.publicUrl}/api/calendar/${view.inspection.calendarToken}.ics`,
    refreshUserIds: [...ids],
  });
}

async function sendTimetable(context: TurnContext, deps: BotDeps, dateText: string, edition: TimetableEdition, question: string | undefined): Promise<void> {
  const now = deps.now();
  const result = deps.inspections.timetable(dateText, edition, now);
  if (result.status === 'invalid') {
    deps.logger.info('timeline.invalid', { reason: result.reason });
    await context.sendActivity(result.message);
    return;
  }
  deps.logger.info('timeline.shown', { edition: result.timetable.edition, natural: question !== undefined });
  const intro = question !== undefined ? answerLine(deps, result.timetable, question) : undefined;
  await context.sendActivity(MessageFactory.attachment(timetablePreviewCard(result.timetable, intro !== undefined ? { intro } : {})));
}

const QUESTION_WORDS = new Set(
  'we were was are is our the a an when what whats what\'s due date dates notified notification today yesterday tomorrow on at by of for if and so then will be do does did it its happen happens please tell me us'.split(' '),
);

/** "when is fieldwork?" -> "Fieldwork starts (Monday of week 3): Mon 15 Jun 2026, 09:00. ..." */
function answerLine(deps: BotDeps, timetable: Parameters<BotDeps['inspections']['findMilestone']>[0], question: string): string | undefined {
  const words = question
    .toLowerCase()
    .replace(/[^a-z0-9\s-]/g, ' ')
    .split(/\s+/)
    .filter((w) => w && !QUESTION_WORDS.has(w) && !/^\d+$/.test(w) && !/^(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun)/.test(w));
  if (words.length === 0) return undefined;
  const match = deps.inspections.findMilestone(timetable, words.join(' '));
  const milestones = match.status === 'found' ? [match.milestone] : match.status === 'ambiguous' && match.choices.length <= 3 ? match.choices : [];
  if (milestones.length === 0) return undefined;
  return milestones.map((m) => `${m.title}: ${cardDateTime(m.due)}.`).join(' ');
}

/** Shared by "set inspection ..." and the card buttons: a card, or a message for a mistake. */
async function setInspection(
  context: TurnContext,
  deps: BotDeps,
  dateText: string,
  edition: TimetableEdition,
  replacing: string | undefined,
): Promise<{ reply: CardAttachment | string; view: InspectionView | undefined }> {
  const actor = actorFrom(context);
  const result = await deps.inspections.set({ actor, dateText, edition, now: deps.now(), ...(replacing !== undefined ? { replacing } : {}) });
  switch (result.status) {
    case 'invalid':
      deps.logger.info('inspection.invalid', {});
      return { reply: `${result.message} Nothing was stored.`, view: undefined };
    case 'confirm-replace':
      return { reply: confirmReplaceCard(result.existing, result.timetable), view: undefined };
    case 'unchanged':
      return { reply: liveCard(deps, result.view, actor, 'This is already the live inspection here.'), view: result.view };
    case 'set': {
      deps.logger.info('inspection.set', { edition: result.view.inspection.edition, planned: result.planned, replaced: result.replaced !== undefined });
      const replaced = result.replaced
        ? ` It replaces the inspection notified ${result.replaced.notified}; that one's pending reminders are cancelled.`
        : '';
      const intro = `Live inspection set by ${actor.person.name || 'you'}. ${result.planned} reminders scheduled.${replaced}`;
      return { reply: liveCard(deps, result.view, actor, intro), view: result.view };
    }
  }
}

async function assignByText(context: TurnContext, deps: BotDeps, milestone: string, who: string): Promise<void> {
  const actor = actorFrom(context);
  const mentions = mentionedPeople(context);
  let person: Person | undefined;
  const agencies: string[] = [];
  for (const part of who.split(/\s*(?:,|&|\+|\band\b)\s*/i).map((p) => p.trim()).filter(Boolean)) {
    const mention = /<at>(.*?)<\/at>/i.exec(part);
    if (mention) {
      const found = mentions.find((m) => m.text === part || m.text === mention[0]) ?? mentions.find((m) => m.person.name === mention[1]);
      if (!found) {
        await context.sendActivity('I could not tell who you @mentioned. Please @mention them again.');
        return;
      }
      person = found.person;
    } else if (/^(?:me|myself)$/i.test(part)) {
      person = actor.person;
    } else {
      agencies.push(normaliseAgency(part));
    }
  }
  const agency = agencies.join(', ');
  if (agency.length > 60) {
    await context.sendActivity('Please keep the agency name short (60 characters at most), for example "police" or "health".');
    return;
  }
  const result = await deps.inspections.assign({ actor, milestone, agency: agency || undefined, person, now: deps.now() });
  if (result.status !== 'ok') {
    await context.sendActivity(result.message);
    return;
  }
  deps.logger.info('milestone.assigned', { agency: result.owner.agency !== undefined, person: result.owner.person !== undefined });
  const owner = [result.owner.agency, result.owner.person?.name].filter(Boolean).join(' and ');
  await send(context, deps, result.view, `${result.milestone.title} is now owned by ${owner}.`);
  if (context.activity.conversation?.id !== result.view.inspection.conversationId) await syncStoredCard(context, deps, result.view);
}
