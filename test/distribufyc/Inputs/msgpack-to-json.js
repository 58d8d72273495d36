// Prints a msgpack file as JSON.stringify(value, null, 2), the layout of
// `dist-opt --emit=schema-json`. Usage: node msgpack-to-json.js SRC_ROOT FILE
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { decode } = require(path.join(process.argv[2], 'runtime/node_modules/@msgpack/msgpack'));
process.stdout.write(JSON.stringify(decode(fs.readFileSync(process.argv[3])), null, 2) + '\n');
