// A handler established before a checkpoint catches an exception thrown
// after resume, several frames deeper, including engine errors (TypeError,
// RangeError from deep recursion is not used: only ordinary errors).
const runtime = require('distribufy');

function deep(n, kind) {
  if (n === 0) {
    runtime.checkpoint();
    if (kind === 'type') return undefined.property;
    if (kind === 'custom') { const e = new Error('custom'); e.data = { n }; throw e; }
    if (kind === 'json') return JSON.parse('{bad json');
    return 'no error';
  }
  return deep(n - 1, kind);
}

class AppError extends Error {
  constructor(msg, code) { super(msg); this.name = 'AppError'; this.code = code; }
}

function main() {
  const out = [];
  for (const kind of ['none', 'type', 'custom', 'json', 'app']) {
    try {
      runtime.checkpoint();
      if (kind === 'app') { deep(3, 'none'); throw new AppError('app failed', 7); }
      out.push(kind + ': ' + deep(20, kind));
    } catch (e) {
      out.push(kind + ': caught ' + e.name + (e instanceof AppError ? ' code ' + e.code + ' ' + e.message : '') +
        (e.data ? ' data ' + JSON.stringify(e.data) : ''));
    }
  }
  for (const o of out) console.log(o);
  return out;
}

module.exports = main;
