// Date with fixed timestamps in UTC: construction, getters, arithmetic, ISO output, parsing.
const d = new Date(Date.UTC(2024, 1, 29, 13, 45, 30, 123));
console.log(d.toISOString(), d.getTime(), d.getUTCDay(), d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), d.getUTCHours());
const next = new Date(d.getTime());
next.setUTCFullYear(2025);
console.log(next.toISOString());
const m = new Date(Date.UTC(2024, 0, 31));
m.setUTCMonth(1);
console.log(m.toISOString());
console.log(new Date(0).toISOString(), new Date(-1).toISOString(), new Date(8.64e15).toISOString());
console.log(Date.parse("2000-01-01T00:00:00Z"), Date.parse("2000-01-01T00:00:00.000+02:00"), new Date("2020-06-15T10:00:00Z").getTime());
const inv = new Date("not a date");
console.log(String(inv.getTime()), isNaN(inv), String(inv));
try { inv.toISOString(); } catch (e) { console.log(e.name); }
const diffDays = (Date.UTC(2024, 11, 25) - Date.UTC(2024, 0, 1)) / 86400000;
console.log(diffDays, JSON.stringify({ when: new Date(Date.UTC(1999, 11, 31, 23, 59, 59)) }));
console.log(new Date(Date.UTC(2024, 0, 1)).toUTCString(), Date.UTC(2024, 12, 1) === Date.UTC(2025, 0, 1), new Date(2024, 0, 1, 0, 0, 0) instanceof Date);
console.log(typeof Date(), new Date(Date.UTC(2020, 0, 1)).valueOf() === +new Date("2020-01-01"));
