import type { Activity } from 'botbuilder';

const TAG = /<\/?[a-z][^>]*>/gi;

/**
 * True when a message carries only a card the user inserted from a message extension (the
 * compose box sends it with markup, `<span class="inline-compose-card" ...>`, as its text, or
 * with no text at all). It was shared for people to read: it is not a question for the bot.
 */
export function onlyCarriesInsertedCard(activity: Pick<Activity, 'text' | 'attachments'>): boolean {
  const text = activity.text ?? '';
  const hasCard = (activity.attachments ?? []).some((a) => a.contentType === 'application/vnd.microsoft.card.adaptive');
  // every message comes through here: the cheap test first, the markup is stripped only when it may matter
  if (!hasCard && !/inline-compose-card/i.test(text)) return false;
  return text.replace(TAG, '').replace(/&nbsp;|\s/g, '') === '';
}
