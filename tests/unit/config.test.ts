import assert from 'node:assert/strict';
import path from 'node:path';
import { ConfigError, loadConfig } from '../../src/config';

describe('configuration from the environment', () => {
  it('runs locally on the embedded defaults with no settings at all', () => {
    const c = loadConfig({});
    assert.equal(c.port, 3978);
    assert.equal(c.dataDir, path.resolve('./data'));
    assert.equal(c.databaseUrl, undefined);
    assert.equal(c.bot.appId, undefined);
    assert.deepEqual(c.dayTimes, { startOfDay: '09:00', midday: '12:00', midAfternoon: '15:00', endOfDay: '17:00' });
  });

  it('switches to PostgreSQL when DATABASE_URL is set', () => {
    assert.equal(loadConfig({ DATABASE_URL: 'postgres://u:p@db:5432/jtai' }).databaseUrl, 'postgres://u:p@db:5432/jtai');
  });

  it('stops with a message naming the bad setting', () => {
    assert.throws(() => loadConfig({ PORT: 'eighty' }), (e: Error) => e instanceof ConfigError && /PORT/.test(e.message));
    assert.throws(() => loadConfig({ END_OF_DAY: '5pm' }), /END_OF_DAY: must be a time HH:MM/);
    assert.throws(() => loadConfig({ DATABASE_URL: 'mysql://x' }), /DATABASE_URL/);
    assert.throws(() => loadConfig({ MicrosoftAppType: 'Single' }), /MicrosoftAppType/);
  });

  it('requires a password with an app id, and a tenant for a single-tenant bot', () => {
    assert.throws(() => loadConfig({ MicrosoftAppId: 'id' }), /MicrosoftAppPassword/);
    assert.throws(() => loadConfig({ MicrosoftAppId: 'id', MicrosoftAppPassword: 'pw', MicrosoftAppType: 'SingleTenant' }), /MicrosoftAppTenantId/);
    assert.equal(loadConfig({ MicrosoftAppId: 'id', MicrosoftAppPassword: 'pw' }).bot.appId, 'id');
  });

  it('treats empty strings from env files as unset', () => {
    assert.equal(loadConfig({ MicrosoftAppId: '', DATABASE_URL: '  ' }).bot.appId, undefined);
  });
});
