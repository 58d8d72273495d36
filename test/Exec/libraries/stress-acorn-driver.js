
// ---- appended by test/Exec/acorn-stress.test after acorn's UMD bundle ----
// Parses the files listed in files.txt (next to this bundle) with the acorn
// above and prints one digest line per file: its ESTree JSON's length and
// SHA-256, so that any difference in a tree shows.
(function () {
  'use strict';
  const acorn = module.exports;
  const fs = require('fs');
  const path = require('path');
  const crypto = require('crypto');
  const lines = [];
  const files = fs.readFileSync(path.join(__dirname, 'files.txt'), 'utf8').split('\n').filter((f) => f !== '');
  for (const file of files) {
    const text = fs.readFileSync(file, 'utf8');
    const sourceType = /\.module\.js$|\.mjs$/.test(file) ? 'module' : 'script';
    let result;
    try {
      const ast = acorn.parse(text, { ecmaVersion: 2022, sourceType, locations: true, allowHashBang: true });
      result = JSON.stringify(ast, (k, v) => (typeof v === 'bigint' ? `${v}n` : v));
    } catch (e) {
      result = `error: ${e.message}`;
    }
    const hash = crypto.createHash('sha256').update(result).digest('hex');
    lines.push(`${path.basename(file)} ${result.length} ${hash}`);
  }
  // One write at the end: --stress stops capturing once the program has
  // scheduled work for later, which a write to a pipe does.
  console.log(lines.join('\n'));
})();
