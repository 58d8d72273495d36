// Date objects (fixed timestamps, an invalid date, a Date subclass, own
// properties) survive checkpoints with their time value.
const runtime = require('distribufy');

class Stamp extends Date { label() { return 'stamp ' + this.toISOString(); } }

function main() {
  const d = new Date(Date.UTC(2021, 2, 14, 1, 59, 26, 535));
  const invalid = new Date(NaN);
  const s = new Stamp(0);
  d.note = 'pi day';
  runtime.checkpoint();
  console.log(d.toISOString(), d.getTime(), d.note, d instanceof Date);
  console.log('invalid', isNaN(invalid.getTime()), String(invalid));
  console.log(s.label(), s instanceof Stamp);
  d.setUTCFullYear(2030);
  runtime.checkpoint();
  console.log('mutated', d.toISOString(), JSON.stringify({ d }));
  return { d: d.toISOString(), s: s.getTime() };
}

module.exports = main;
