import type { Database } from './database';

/**
 * Conversation references, so the bot can write to a conversation later (reminders).
 * The reference is the Bot Framework's ConversationReference, kept as an opaque JSON
 * document here: only bot/ knows its shape.
 */
export interface StoredConversation {
  conversationId: string;
  conversationType: string;
  tenantId: string | undefined;
  userId: string | undefined;
  reference: Record<string, unknown>;
  active: boolean;
  retiredReason: string | undefined;
}

interface ConversationRow {
  conversation_id: string;
  conversation_type: string;
  tenant_id: string | null;
  user_id: string | null;
  reference: Record<string, unknown>;
  active: boolean;
  retired_reason: string | null;
}

function toConversation(row: ConversationRow): StoredConversation {
  return {
    conversationId: row.conversation_id,
    conversationType: row.conversation_type,
    tenantId: row.tenant_id ?? undefined,
    userId: row.user_id ?? undefined,
    reference: row.reference,
    active: row.active,
    retiredReason: row.retired_reason ?? undefined,
  };
}

export class ConversationStore {
  /** What was last written per conversation, so an unchanged reference costs no write. */
  private readonly written = new Map<string, string>();

  constructor(private readonly db: Database) {}

  async save(c: Omit<StoredConversation, 'active' | 'retiredReason'>): Promise<void> {
    const json = JSON.stringify(c.reference);
    const fingerprint = `${c.conversationType}|${c.tenantId ?? ''}|${c.userId ?? ''}|${json}`;
    if (this.written.get(c.conversationId) === fingerprint) return;
    await this.db.query(
      `INSERT INTO conversations (conversation_id, conversation_type, tenant_id, user_id, reference)
       VALUES ($1, $2, $3, $4, $5::jsonb)
       ON CONFLICT (conversation_id) DO UPDATE SET conversation_type = EXCLUDED.conversation_type,
         tenant_id = EXCLUDED.tenant_id, user_id = COALESCE(EXCLUDED.user_id, conversations.user_id),
         reference = EXCLUDED.reference, active = true, retired_reason = NULL, updated_at = now()`,
      [c.conversationId, c.conversationType, c.tenantId ?? null, c.userId ?? null, json],
    );
    this.written.set(c.conversationId, fingerprint);
  }

  async get(conversationId: string): Promise<StoredConversation | undefined> {
    const { rows } = await this.db.query<ConversationRow>('SELECT * FROM conversations WHERE conversation_id = $1', [conversationId]);
    return rows[0] ? toConversation(rows[0]) : undefined;
  }

  /** The personal chat the bot has with a user, if it has one. */
  async personalFor(userId: string): Promise<StoredConversation | undefined> {
    const { rows } = await this.db.query<ConversationRow>(
      `SELECT * FROM conversations WHERE user_id = $1 AND conversation_type = 'personal' AND active
       ORDER BY updated_at DESC LIMIT 1`,
      [userId],
    );
    return rows[0] ? toConversation(rows[0]) : undefined;
  }

  /** The conversation in this tenant the bot heard from last: its service URL and bot account open new chats. */
  async latestInTenant(tenantId: string): Promise<StoredConversation | undefined> {
    const { rows } = await this.db.query<ConversationRow>(
      'SELECT * FROM conversations WHERE tenant_id = $1 AND active ORDER BY updated_at DESC LIMIT 1',
      [tenantId],
    );
    return rows[0] ? toConversation(rows[0]) : undefined;
  }

  /** The bot was removed, or the conversation is gone: stop writing to it. */
  async retire(conversationId: string, reason: string): Promise<void> {
    await this.db.query('UPDATE conversations SET active = false, retired_reason = $2, updated_at = now() WHERE conversation_id = $1', [conversationId, reason]);
    this.written.delete(conversationId);
  }
}
