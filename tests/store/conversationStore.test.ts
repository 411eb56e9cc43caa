import assert from 'node:assert/strict';
import { ConversationStore } from '../../src/store/conversationStore';
import type { Database } from '../../src/store/database';
import { ENGINE, resetDatabase, testDatabase } from '../helpers/db';

describe(`ConversationStore (${ENGINE})`, () => {
  let db: Database;
  before(async () => {
    db = await testDatabase();
  });
  beforeEach(() => resetDatabase(db));

  const personal = {
    conversationId: 'a:conv-personal-1',
    conversationType: 'personal',
    tenantId: 'tenant-1',
    userId: 'aad-user-1',
    reference: { serviceUrl: 'https://smba.example/uk/', conversation: { id: 'a:conv-personal-1' } },
  };

  it('finds the personal chat of a user from the stored reference', async () => {
    const store = new ConversationStore(db);
    await store.save(personal);
    const found = await store.personalFor('aad-user-1');
    assert.equal(found?.conversationId, 'a:conv-personal-1');
    assert.equal(found?.reference.serviceUrl, 'https://smba.example/uk/');
  });

  it('updates the reference when the service URL changes', async () => {
    const store = new ConversationStore(db);
    await store.save(personal);
    await store.save({ ...personal, reference: { ...personal.reference, serviceUrl: 'https://smba.example/emea/' } });
    assert.equal((await store.get('a:conv-personal-1'))?.reference.serviceUrl, 'https://smba.example/emea/');
  });

  it('retires a conversation the bot was removed from, and revives it when the bot is back', async () => {
    const store = new ConversationStore(db);
    await store.save(personal);
    await store.retire('a:conv-personal-1', 'app uninstalled');
    const retired = await store.get('a:conv-personal-1');
    assert.equal(retired?.active, false);
    assert.equal(retired?.retiredReason, 'app uninstalled');
    assert.equal(await store.personalFor('aad-user-1'), undefined);
    await store.save(personal);
    assert.equal((await store.get('a:conv-personal-1'))?.active, true);
  });
});
