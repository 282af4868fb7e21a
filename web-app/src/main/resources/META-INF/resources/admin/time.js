// Wall-clock times in a city's time zone, as <input type="datetime-local"> shows them ("2026-12-04T19:30"), to and
// from instants. The browser's own zone plays no part: a show in Tokyo is scheduled in Tokyo time from anywhere.

/** The wall-clock time of `instant` in `timeZone`, as "YYYY-MM-DDTHH:mm". */
export function wallClock(instant, timeZone) {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
  }).formatToParts(new Date(instant));
  const part = (type) => parts.find((p) => p.type === type).value;
  return `${part('year')}-${part('month')}-${part('day')}T${part('hour')}:${part('minute')}`;
}

/**
 * The instant (ISO, UTC) at which the clocks of `timeZone` show `local`: the zone's offset is guessed at the
 * same wall time read as UTC, then checked once more at the result (it differs only across a DST change).
 * Null when `local` is not a date and time.
 */
export function instantOf(local, timeZone) {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(local || '');
  if (!match) {
    return null;
  }
  const asUtc = Date.UTC(+match[1], +match[2] - 1, +match[3], +match[4], +match[5]);
  let guess = asUtc - offset(asUtc, timeZone);
  guess = asUtc - offset(guess, timeZone);
  return new Date(guess).toISOString();
}

/** How far `timeZone`'s clocks are ahead of UTC at `time` (ms). */
function offset(time, timeZone) {
  const shown = wallClock(time, timeZone);
  const [date, clock] = shown.split('T');
  const [y, m, d] = date.split('-').map(Number);
  const [hh, mm] = clock.split(':').map(Number);
  const truncated = Math.floor(time / 60000) * 60000;
  return Date.UTC(y, m - 1, d, hh, mm) - truncated;
}

/** The zone's short name at that instant, e.g. "CET" or "GMT+9", to print beside times. */
export function zoneName(instant, timeZone) {
  try {
    const parts = new Intl.DateTimeFormat('en-GB', { timeZone, timeZoneName: 'short' }).formatToParts(new Date(instant));
    return parts.find((p) => p.type === 'timeZoneName').value;
  } catch {
    return timeZone;
  }
}
