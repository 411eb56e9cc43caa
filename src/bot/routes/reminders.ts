import { MessageFactory, type TurnContext } from 'botbuilder';
import type { Application, TurnState } from '@microsoft/teams-ai';
import { z } from 'zod';
import { myRemindersCard } from '../../cards/myRemindersCard';
import { ADHOC_PATTERN, parseAdhocReminder, parseRelativeReminder } from '../../reminders/adhoc';
import type { Actor } from '../../reminders/service';
import { cardDateTime, fromNow } from '../../reminders/format';
import type { ReminderTarget } from '../../reminders/types';
import type { BotDeps } from '../deps';
import { actorFrom } from '../identity';
import { respondToInvoke } from '../invoke';
import type { TextCommand } from '../commands';

/** "remind me|us ...", "my reminders" and the Cancel button on that card. */

export const MY_REMINDERS = /^\s*(?:my|our|list|show(?: my)?)\s+reminders\s*[?.!]*\s*$/i;
const CancelData = z.object({ reminderId: z.string().min(1).max(100) });

export function reminderCommands(deps: BotDeps): TextCommand[] {
  const adhoc: TextCommand = (text) => (ADHOC_PATTERN.test(text) ? (context) => remind(context, deps) : undefined);
  const mine: TextCommand = (text) => {
    if (!MY_REMINDERS.test(text)) return undefined;
    return async (context) => {
      const reminders = await deps.inspections.myReminders(actorFrom(context));
      await context.sendActivity(MessageFactory.attachment(myRemindersCard(reminders, deps.now())));
    };
  };
  return [adhoc, mine];
}

export function registerReminderRoutes(app: Application<TurnState>, deps: BotDeps): void {
  app.adaptiveCards.actionExecute('cancelReminder', async (context, _state, data) => {
    const parsed = CancelData.safeParse(data);
    if (!parsed.success) {
      await respondToInvoke(context, 'Sorry, I could not read that button.');
      return '';
    }
    const actor = actorFrom(context);
    const outcome = await deps.inspections.cancelReminder(parsed.data.reminderId, actor);
    deps.logger.info('reminder.cancel', { outcome });
    const note =
      outcome === 'cancelled'
        ? 'Cancelled.'
        : outcome === 'not-pending'
          ? 'That reminder has already gone or was cancelled.'
          : outcome === 'forbidden'
            ? 'Only the person who set that reminder can cancel it.'
            : 'I could not find that reminder.';
    await respondToInvoke(context, myRemindersCard(await deps.inspections.myReminders(actor), deps.now(), note));
    return '';
  });
}

async function remind(context: TurnContext, deps: BotDeps): Promise<void> {
  const now = deps.now();
  const text = context.activity.text ?? '';
  const actor = actorFrom(context);
  const relative = parseRelativeReminder(text, { startOfDay: deps.startOfDay });
  const parsed = relative ? undefined : parseAdhocReminder(text, now, { startOfDay: deps.startOfDay });
  if (parsed?.status === 'invalid') {
    await context.sendActivity(parsed.message);
    return;
  }
  const audience = relative?.audience ?? (parsed?.status === 'ok' ? parsed.audience : 'me');
  const { target, where } = await targetFor(deps, actor, audience);
  const who = audience === 'us' ? 'everyone' : 'you';
  const place = where ? ` ${where}` : '';
  if (relative) {
    const result = await deps.inspections.addRelative({ actor, parsed: relative, target, now });
    if (result.status === 'invalid') {
      await context.sendActivity(result.message);
      return;
    }
    deps.logger.info('reminder.added', { audience, target: target.kind, relative: true });
    await context.sendActivity(
      `OK: I will remind ${who}${place} on ${cardDateTime(result.reminder.dueAt)}, ${fromNow(result.reminder.dueAt, now)}: "${result.reminder.subject.kind === 'adhoc' ? result.reminder.subject.text : ''}" Say "my reminders" to see or cancel it.`,
    );
    return;
  }
  if (parsed?.status !== 'ok') return;
  await deps.inspections.addAdhoc({ actor, parsed, target });
  deps.logger.info('reminder.added', { audience, target: target.kind, assumedTime: parsed.assumedTime });
  const assumed = parsed.assumedTime ? ` (you gave no time, so I chose ${deps.startOfDay})` : '';
  await context.sendActivity(
    `OK: I will remind ${who}${place} on ${cardDateTime(parsed.at)}${assumed}, ${fromNow(parsed.at, now)}: "${parsed.text}". Say "my reminders" to see or cancel it.`,
  );
}

/** "us": this conversation. "me": this chat if it is personal, else the person's own chat with the bot if there is one. */
async function targetFor(deps: BotDeps, actor: Actor, audience: 'me' | 'us'): Promise<{ target: ReminderTarget; where: string }> {
  const here: ReminderTarget = { kind: 'conversation', conversationId: actor.conversationId };
  if (audience === 'us') return { target: here, where: 'here' };
  if (actor.conversationType === 'personal') return { target: here, where: '' };
  const personal = await deps.destinations.personalChat(actor.person.id, actor.tenantId);
  if (personal?.active) return { target: { kind: 'user', userId: actor.person.id }, where: 'in our personal chat' };
  return { target: here, where: 'here (I have no personal chat with you yet)' };
}
