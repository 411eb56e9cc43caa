import type { Destination, Destinations } from '../reminders/dispatcher';
import type { ConversationStore } from './conversationStore';
import type { Database } from './database';

/**
 * Where reminders go: a stored conversation, or a person's personal chat with the bot. A
 * person may be known by their Entra object id (how personal chats are stored) or by their
 * Teams id (how @mentions name them); the stored reference holds both.
 */
interface DestinationRow {
  conversation_id: string;
  tenant_id: string | null;
  reference: Record<string, unknown>;
  active: boolean;
}

function toDestination(row: DestinationRow): Destination {
  return { conversationId: row.conversation_id, tenantId: row.tenant_id ?? undefined, reference: row.reference, active: row.active };
}

export class ConversationDestinations implements Destinations {
  constructor(
    private readonly db: Database,
    private readonly conversations: ConversationStore,
  ) {}

  async conversation(conversationId: string): Promise<Destination | undefined> {
    const c = await this.conversations.get(conversationId);
    return c ? { conversationId: c.conversationId, tenantId: c.tenantId, reference: c.reference, active: c.active } : undefined;
  }

  async personalChat(userId: string): Promise<Destination | undefined> {
    const { rows } = await this.db.query<DestinationRow>(
      `SELECT conversation_id, tenant_id, reference, active FROM conversations
       WHERE conversation_type = 'personal'
         AND (user_id = $1 OR reference -> 'user' ->> 'id' = $1 OR reference -> 'user' ->> 'aadObjectId' = $1)
       ORDER BY active DESC, updated_at DESC LIMIT 1`,
      [userId],
    );
    return rows[0] ? toDestination(rows[0]) : undefined;
  }

  retire(conversationId: string, reason: string): Promise<void> {
    return this.conversations.retire(conversationId, reason);
  }
}
