// Parses a set of real JavaScript files with the given acorn build and prints
// the ESTree JSON of each, so the original and compiled acorn can be diffed.
'use strict';
const fs = require('fs');
const acorn = require(require('path').resolve(process.argv[2]));
const files = process.argv.slice(3);
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
  // Print a digest line per file plus the full JSON length; any difference in
  // the tree changes the digest.
  const hash = require('crypto').createHash('sha256').update(result).digest('hex');
  console.log(`${require('path').basename(file)} ${result.length} ${hash}`);
}
