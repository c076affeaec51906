import { describe, expect, it } from 'vitest';
import { chinaTime, chinaDay, duration, clockFace, percent, seconds } from '../src/logic/format.js';

describe('times are China time whatever the browser zone', () => {
  it('writes a UTC instant eight hours later', () => {
    expect(chinaTime('2026-10-03T02:00:05Z')).toBe('2026-10-03 10:00:05');
    expect(chinaTime('2026-10-03T10:00:05+08:00', 'en', false)).toBe('10:00:05');
  });
  it('puts an instant after 16:00 UTC on the next China day', () => {
    expect(chinaDay('2026-10-15T16:30:00Z')).toBe('2026-10-16');
    expect(chinaTime('2026-10-15T16:00:00Z')).toBe('2026-10-16 00:00:00');
  });
  it('shows a missing instant as a dash', () => {
    expect(chinaTime(null)).toBe('—');
  });
});

describe('durations and countdowns', () => {
  it('says seconds, minutes and hours in each language', () => {
    expect(duration(45_400)).toBe('45 秒');
    expect(duration(185_000)).toBe('3 分 05 秒');
    expect(duration(185_000, 'en')).toBe('3 min 05 s');
    expect(duration(2 * 3600_000 + 10 * 60_000)).toBe('2 小时 10 分');
  });
  it('counts down to 0:00 and then up with a plus once overdue', () => {
    expect(clockFace(27_000)).toBe('0:27');
    expect(clockFace(26_001)).toBe('0:27');
    expect(clockFace(0)).toBe('0:00');
    expect(clockFace(-1)).toBe('+0:01');
    expect(clockFace(-125_000)).toBe('+2:05');
    expect(clockFace(3_723_000)).toBe('1:02:03');
  });
});

describe('rates are percentages', () => {
  it('rounds to one decimal and drops a trailing .0', () => {
    expect(percent(0.85)).toBe('85%');
    expect(percent(0.8523)).toBe('85.2%');
    expect(percent(2 / 3)).toBe('66.7%');
    expect(percent(1)).toBe('100%');
  });
  it('shows no rate (nothing assessed) as a dash, never 0%', () => {
    expect(percent(null)).toBe('—');
    expect(seconds(null)).toBe('—');
    expect(seconds(30)).toBe('30 秒');
  });
});
