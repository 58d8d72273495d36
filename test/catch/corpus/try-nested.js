// try statements nested three deep across function calls, with checkpoints
// at every level: each exception is caught by the innermost handler that was
// active when it was thrown, before or after resume.
const runtime = require('distribufy');

const log = [];

function level3(mode) {
  try {
    runtime.checkpoint();
    if (mode === 3) throw new Error('from 3');
    return 'l3 ok';
  } finally {
    log.push('finally 3 (' + mode + ')');
  }
}
function level2(mode) {
  try {
    const r = level3(mode);
    runtime.checkpoint();
    if (mode === 2) throw new Error('from 2');
    return r;
  } catch (e) {
    if (e.message !== 'from 3') throw e;
    runtime.checkpoint();
    log.push('level2 caught ' + e.message);
    return 'recovered in 2';
  }
}
function level1(mode) {
  try {
    try {
      return level2(mode);
    } finally {
      runtime.checkpoint();
      log.push('finally 1a (' + mode + ')');
    }
  } catch (e) {
    log.push('level1 caught ' + e.message);
    return 'recovered in 1';
  }
}

function main() {
  const results = [1, 2, 3].map(m => level1(m));
  for (const l of log) console.log(l);
  console.log(results.join(' / '));
  return { results, log };
}

module.exports = main;
