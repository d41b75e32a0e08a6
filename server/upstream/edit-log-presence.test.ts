import { describe, expect, it } from 'vitest';
import { createEditLogPresence, EDIT_LOG_RECHECK_MS } from './edit-log-presence';

describe('edit log presence', () => {
  it('asks a service it has heard nothing from (the embedded catalog, another Nansen, Amundsen before its first 404)', () => {
    expect(createEditLogPresence(() => 0).shouldAsk()).toBe(true);
  });

  it('stops asking after a 404 until the recheck time has passed, then asks again', () => {
    let now = 1_000;
    const presence = createEditLogPresence(() => now);
    presence.noteMissing();
    expect(presence.shouldAsk()).toBe(false);
    now += EDIT_LOG_RECHECK_MS - 1;
    expect(presence.shouldAsk()).toBe(false);
    now += 1;
    expect(presence.shouldAsk()).toBe(true);
  });

  it('asks again ten minutes after a 404, not before', () => {
    let now = 0;
    const presence = createEditLogPresence(() => now);
    presence.noteMissing();
    now = 10 * 60_000 - 1;
    expect(presence.shouldAsk()).toBe(false);
    now = 10 * 60_000;
    expect(presence.shouldAsk()).toBe(true);
  });

  it('counts the recheck time from the latest 404', () => {
    let now = 0;
    const presence = createEditLogPresence(() => now, 100);
    presence.noteMissing();
    now = 100;
    expect(presence.shouldAsk()).toBe(true);
    presence.noteMissing();
    now = 199;
    expect(presence.shouldAsk()).toBe(false);
    now = 200;
    expect(presence.shouldAsk()).toBe(true);
  });
});
