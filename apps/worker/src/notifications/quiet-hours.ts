// Quiet hours: a daily window of wall-clock time in the user's IANA time zone (e.g. 22:00–07:00, which crosses
// midnight) during which notification e-mail waits. Pure, so the window arithmetic is unit-tested on its own.
import type { QuietHoursDto } from '@app/contracts';

const MINUTE_MS = 60_000;

interface WallClock {
  year: number;
  month: number;
  day: number;
  /** Minutes since local midnight. */
  minutes: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** A formatter for the zone, or for UTC when the zone is not a valid IANA name (preferences do not validate it). */
function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    const options: Intl.DateTimeFormatOptions = { year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', hourCycle: 'h23' };
    try {
      formatter = new Intl.DateTimeFormat('en-US', { ...options, timeZone });
    } catch {
      formatter = new Intl.DateTimeFormat('en-US', { ...options, timeZone: 'UTC' });
    }
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

function wallClockAt(instant: Date, timeZone: string): WallClock {
  const parts = Object.fromEntries(
    formatterFor(timeZone)
      .formatToParts(instant)
      .map((p) => [p.type, Number(p.value)]),
  );
  return { year: parts.year, month: parts.month, day: parts.day, minutes: parts.hour * 60 + parts.minute };
}

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** The instant at which the zone's clock shows `minutes` on the given local date (the calendar is proleptic Gregorian). */
function instantOf(date: Pick<WallClock, 'year' | 'month' | 'day'>, minutes: number, timeZone: string): Date {
  const asUtc = Date.UTC(date.year, date.month - 1, date.day, 0, minutes);
  // The zone's offset at a guess, corrected once at the result: exact except inside a DST gap, where the local
  // time does not exist and the result lands just after the gap (the window then ends when clocks have moved).
  const offsetAt = (instant: number) => {
    const local = wallClockAt(new Date(instant), timeZone);
    return Date.UTC(local.year, local.month - 1, local.day, 0, local.minutes) - Math.floor(instant / MINUTE_MS) * MINUTE_MS;
  };
  let result = asUtc - offsetAt(asUtc);
  result = asUtc - offsetAt(result);
  return new Date(result);
}

/**
 * When `now` falls inside the quiet hours, the instant they end (the next time the local clock shows `end`);
 * otherwise null. The window includes `start` and excludes `end`; `start` equal to `end` is an empty window.
 */
export function quietHoursEndAt(now: Date, quietHours: QuietHoursDto, timeZone: string): Date | null {
  if (!quietHours.enabled) return null;
  const start = minutesOf(quietHours.start);
  const end = minutesOf(quietHours.end);
  if (start === end) return null;
  const local = wallClockAt(now, timeZone);
  const crossesMidnight = start > end;
  const inside = crossesMidnight ? local.minutes >= start || local.minutes < end : local.minutes >= start && local.minutes < end;
  if (!inside) return null;
  // Before `end` today, or (in the evening part of a window crossing midnight) at `end` tomorrow.
  const endsTomorrow = crossesMidnight && local.minutes >= start;
  const day = endsTomorrow ? new Date(Date.UTC(local.year, local.month - 1, local.day + 1)) : new Date(Date.UTC(local.year, local.month - 1, local.day));
  return instantOf({ year: day.getUTCFullYear(), month: day.getUTCMonth() + 1, day: day.getUTCDate() }, end, timeZone);
}
