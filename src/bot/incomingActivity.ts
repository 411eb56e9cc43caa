import { z } from 'zod';

/**
 * The least an activity must carry for the bot to handle it: a type, the conversation it
 * belongs to and where replies go. Checked before the adapter sees it, so a malformed post gets
 * a 400 naming what is missing instead of failing half-way through a turn. Everything else is
 * the Bot Framework schema's business, so the parsed copy is not kept and the schema does not
 * copy the other fields into it.
 */
export const IncomingActivity = z.object({
  type: z.string().min(1),
  serviceUrl: z.string().url(),
  channelId: z.string().min(1),
  conversation: z.object({ id: z.string().min(1) }),
  from: z.object({ id: z.string().min(1) }).optional(),
  text: z.string().optional(),
});

/** Undefined when the body is a usable activity, else what is wrong with it. */
export function activityProblem(body: unknown): string | undefined {
  const parsed = IncomingActivity.safeParse(body);
  if (parsed.success) return undefined;
  return parsed.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ');
}
