// Exercises luxon (a date library built from ES classes with getters, static
// members and private-by-convention state) with fixed instants in UTC and
// fixed-offset zones, and prints the results, so the original and the
// compiled library can be diffed.
'use strict';
const { DateTime, Duration, Interval, Info, Settings, FixedOffsetZone } = require(require('path').resolve(process.argv[2]));
Settings.defaultZone = 'utc';
Settings.defaultLocale = 'en-US';
Settings.now = () => Date.UTC(2026, 10, 27, 12, 0, 0);
const out = [];
const show = (label, value) => out.push(`${label}: ${typeof value === 'string' ? value : JSON.stringify(value)}`);

const dt = DateTime.fromISO('2024-02-29T13:45:30.123Z');
show('iso', dt.toISO());
show('parts', [dt.year, dt.month, dt.day, dt.hour, dt.minute, dt.second, dt.millisecond, dt.weekday, dt.ordinal, dt.weekNumber, dt.quarter, dt.daysInMonth, dt.isInLeapYear]);
show('plus', dt.plus({ years: 1, months: 1, days: 3, hours: 30 }).toISO());
show('minus', dt.minus(Duration.fromObject({ weeks: 2, minutes: 90 })).toISO());
show('startOf', ['year', 'quarter', 'month', 'week', 'day', 'hour'].map((u) => dt.startOf(u).toISO()));
show('endOf', dt.endOf('month').toISO());
show('set', dt.set({ month: 12, day: 31 }).toISODate());
show('format', dt.toFormat("yyyy LLL dd, HH:mm:ss.SSS 'Q'q kkkk-'W'WW-c"));
show('locale', dt.setLocale('fr').toFormat('cccc d MMMM yyyy'));
show('offset', dt.setZone(FixedOffsetZone.instance(330)).toISO());
show('offset-name', dt.setZone('UTC-7').toFormat('ZZ ZZZ'));
show('relative', dt.toRelative({ base: DateTime.fromISO('2024-03-10T00:00:00Z') }));
show('diff', DateTime.fromISO('2026-01-01').diff(dt, ['years', 'months', 'days', 'hours']).toObject());
show('duration', Duration.fromISO('P1Y2M3DT4H5M6.5S').shiftTo('days', 'seconds').toObject());
show('duration-human', Duration.fromObject({ hours: 2, minutes: 7 }).toHuman());
show('duration-fmt', Duration.fromMillis(98765432).toFormat('d:hh:mm:ss.SSS'));
const iv = Interval.fromDateTimes(dt, dt.plus({ days: 45 }));
show('interval', [iv.length('days'), iv.count('weeks'), iv.contains(dt.plus({ days: 3 })), iv.splitBy({ weeks: 2 }).map((i) => i.toISODate())]);
show('interval-merge', Interval.merge([iv, Interval.after(dt.plus({ days: 40 }), { days: 10 })]).map(String));
show('fromFormat', DateTime.fromFormat('27/11/2026 08:05', 'dd/MM/yyyy HH:mm').toISO());
show('invalid', [DateTime.fromISO('2024-02-30').isValid, DateTime.fromISO('2024-02-30').invalidReason]);
show('compare', [dt < dt.plus({ milliseconds: 1 }), dt.equals(DateTime.fromISO('2024-02-29T13:45:30.123Z')), DateTime.max(dt, dt.minus({ days: 1 })).toISODate()]);
show('now', DateTime.now().toISO());
show('info', [Info.months('short'), Info.weekdays('narrow'), Info.features()]);
show('rfc-http', [dt.toRFC2822(), dt.toHTTP(), dt.toMillis(), dt.toSeconds(), dt.toJSDate().toISOString()]);
show('sql', [dt.toSQL(), DateTime.fromSQL('2017-05-15 09:24:15').toISO()]);
console.log(out.join('\n'));
