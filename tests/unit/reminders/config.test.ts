import assert from 'node:assert/strict';
import { loadConfig } from '../../../src/config';

describe('reminder settings in the configuration', () => {
  it('has working defaults: poll 15 s, lease 60 s, 8 attempts, dispatching on, links to localhost', () => {
    const c = loadConfig({});
    assert.deepEqual(
      [c.reminderPollSeconds, c.reminderLeaseSeconds, c.reminderMaxAttempts, c.reminderDispatch, c.publicUrl],
      [15, 60, 8, true, 'http://localhost:3978'],
    );
  });

  it('takes the public URL from PUBLIC_URL, else the tunnel in BOT_ENDPOINT', () => {
    assert.equal(loadConfig({ PUBLIC_URL: 'https://jtai.example.org/', BOT_ENDPOINT: 'https://x.devtunnels.ms' }).publicUrl, 'https://jtai.example.org');
    assert.equal(loadConfig({ BOT_ENDPOINT: 'https://abcd-3978.uks1.devtunnels.ms' }).publicUrl, 'https://abcd-3978.uks1.devtunnels.ms');
    assert.equal(loadConfig({ REMINDER_DISPATCH: 'off' }).reminderDispatch, false);
  });

  it('names a bad reminder setting', () => {
    assert.throws(() => loadConfig({ REMINDER_LEASE_SECONDS: '1' }), /REMINDER_LEASE_SECONDS/);
    assert.throws(() => loadConfig({ REMINDER_DISPATCH: 'maybe' }), /REMINDER_DISPATCH/);
    assert.throws(() => loadConfig({ PUBLIC_URL: 'jtai' }), /PUBLIC_URL: must be a URL/);
  });
});
