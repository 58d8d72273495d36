#!/usr/bin/env node
// distribufy-package.js - writes the Apache OpenWhisk action zip of a
// compiled program; `distribufyc package` compiles, then runs this.
//
//   distribufy-package.js --compiled DIR/program.js --source PROG.js -o ACTION.zip [--actions DIR]
//
// The zip (a Node.js action; OpenWhisk's proxy requires package.json's
// `main`, index.js here, and calls the export named by --main, `main` by
// default):
//   package.json                  {"main": "index.js"}, no dependencies (so
//                                 the proxy never runs npm install)
//   index.js                      exports main (the conductor), sleep and
//                                 fork (its helper components) and one
//                                 function per action of --actions
//   distribufy/                   the runtime package: package.json,
//                                 index.js, src/*.js and
//                                 node_modules/@msgpack/msgpack (dist.cjs)
//   program/program.js(.map)      the compiled program (linked module)
//   program/program.schema        its frame schema (msgpack)
//   program/distribufy.json       {source, actions}: what the entry loads
//   actions/...                   the --actions directory, as is
// The zip is written to a temporary file next to ACTION.zip, fsync'd and
// renamed: a failure never leaves a partial ACTION.zip. The format is
// PKZIP 2.0 (deflate, CRC-32, no zip64: the code limit of an action is
// 48 MB, far below 4 GB), written here so the runtime needs no zip library.
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');
const { atomicWrite } = require('../src/store.js');

const RUNTIME_DIR = path.resolve(__dirname, '..');
// Exports of index.js that are not actions.
const RESERVED = new Set(['main', 'sleep', 'fork']);
// OpenWhisk's limit on action code (docs/reference.md, "System limits"):
// the zip travels base64 in the action record, 48 MB.
const CODE_LIMIT = 48 * 1024 * 1024;

const USAGE = 'usage: distribufy-package.js --compiled DIR/program.js --source PROG.js -o ACTION.zip [--actions DIR]\n';

class UsageError extends Error {}

// ---------------------------------------------------------------- zip

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

/** CRC-32 (ISO-HDLC, the zip polynomial) of a buffer. */
function crc32(buf) {
  let c = 0xffffffff;
  for (let i = 0; i < buf.length; i++) c = CRC_TABLE[(c ^ buf[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** MS-DOS time and date of a Date (zip stores local time, 2 s resolution). */
function dosDateTime(d) {
  const year = Math.max(1980, d.getFullYear());
  return {
    time: (d.getHours() << 11) | (d.getMinutes() << 5) | (d.getSeconds() >> 1),
    date: ((year - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate(),
  };
}

/**
 * A zip archive of `entries` ([{name, data: Buffer, mode?}]): local header +
 * data per entry, then the central directory and its end record. Entries
 * are deflated unless that does not make them smaller (then stored).
 */
function makeZip(entries, mtime = new Date()) {
  const { time, date } = dosDateTime(mtime);
  const parts = [];
  const central = [];
  let offset = 0;
  const names = new Set();
  for (const e of entries) {
    if (names.has(e.name)) throw new Error(`duplicate zip entry '${e.name}'`);
    names.add(e.name);
    const name = Buffer.from(e.name, 'utf8');
    const crc = crc32(e.data);
    const deflated = zlib.deflateRawSync(e.data, { level: 9 });
    const useDeflate = deflated.length < e.data.length;
    const body = useDeflate ? deflated : e.data;
    const method = useDeflate ? 8 : 0;
    const flags = 0x0800; // names are UTF-8
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed: 2.0 (deflate)
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(time, 10);
    local.writeUInt16LE(date, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(e.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    parts.push(local, name, body);
    const cen = Buffer.alloc(46);
    cen.writeUInt32LE(0x02014b50, 0);
    cen.writeUInt16LE((3 << 8) | 20, 4); // made by: Unix, 2.0 (keeps the mode bits)
    cen.writeUInt16LE(20, 6);
    cen.writeUInt16LE(flags, 8);
    cen.writeUInt16LE(method, 10);
    cen.writeUInt16LE(time, 12);
    cen.writeUInt16LE(date, 14);
    cen.writeUInt32LE(crc, 16);
    cen.writeUInt32LE(body.length, 20);
    cen.writeUInt32LE(e.data.length, 24);
    cen.writeUInt16LE(name.length, 28);
    cen.writeUInt32LE((((e.mode || 0o100644) & 0xffff) << 16) >>> 0, 38); // external attributes: st_mode
    cen.writeUInt32LE(offset, 42);
    central.push(cen, name);
    offset += local.length + name.length + body.length;
    if (offset > 0xffffffff) throw new Error('the zip would exceed 4 GB');
  }
  const cdSize = central.reduce((n, b) => n + b.length, 0);
  if (entries.length > 0xffff) throw new Error('too many files for a zip without zip64');
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cdSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, ...central, end]);
}

// ---------------------------------------------------------------- contents

/** Files under `dir` (recursive, sorted), as paths relative to it. */
function walk(dir, filter = () => true, rel = '') {
  const out = [];
  for (const d of fs.readdirSync(path.join(dir, rel), { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const r = rel ? `${rel}/${d.name}` : d.name;
    let st;
    try { st = fs.statSync(path.join(dir, r)); } catch { continue; } // a dangling symlink
    if (st.isDirectory()) out.push(...walk(dir, filter, r));
    else if (st.isFile() && filter(r)) out.push(r);
  }
  return out;
}

/** Action names of an --actions directory: NAME for every NAME.js (NAME may be pkg/name). */
function actionNames(dir) {
  const names = [];
  for (const r of walk(dir, (r) => r.endsWith('.js') && !r.split('/').includes('node_modules'))) {
    const name = r.slice(0, -3);
    // An action name is what invoke() accepts (validAction in instance.js);
    // OpenWhisk's --main X.Y would split a name with a dot, so such files
    // (helpers like util.test.js) are kept in the zip but not exported.
    if (name.includes('.') || !/^[A-Za-z0-9_][A-Za-z0-9_\-/]*$/.test(name)) continue;
    if (RESERVED.has(name))
      throw new UsageError(`--actions: an action may not be named '${name}': index.js exports the conductor's ` +
        `'main', 'sleep' and 'fork' under those names (rename ${r})`);
    names.push(name);
  }
  return names;
}

const INDEX_JS = `// The entry of a Distribufy OpenWhisk action (written by distribufyc package).
// main: the conductor action; sleep, fork: its helper components; every other
// export: a component action of --actions (deploy with --main NAME).
'use strict';
module.exports = require('./distribufy/src/openwhisk.js').createEntry(__dirname);
`;

function buildEntries(o) {
  const entries = [];
  const add = (name, data, mode) => entries.push({ name, data: Buffer.isBuffer(data) ? data : Buffer.from(data), mode });
  const compiledDir = path.dirname(path.resolve(o.compiled));
  const compiled = fs.readFileSync(o.compiled);
  const schemaFile = path.join(compiledDir, 'program.schema');
  if (!fs.existsSync(schemaFile)) throw new UsageError(`${schemaFile}: no schema next to the compiled program`);
  const actions = o.actions ? actionNames(o.actions) : [];
  add('package.json', JSON.stringify({ name: 'distribufy-action', version: '1.0.0', private: true, main: 'index.js' }, null, 2) + '\n');
  add('index.js', INDEX_JS);
  // The runtime: what the conductor needs at run time, nothing else (no
  // tests, no runner, no source maps of the dependency).
  add('distribufy/package.json', fs.readFileSync(path.join(RUNTIME_DIR, 'package.json')));
  add('distribufy/index.js', fs.readFileSync(path.join(RUNTIME_DIR, 'index.js')));
  for (const f of walk(path.join(RUNTIME_DIR, 'src'), (r) => r.endsWith('.js')))
    add(`distribufy/src/${f}`, fs.readFileSync(path.join(RUNTIME_DIR, 'src', f)));
  const msgpackDir = path.dirname(require.resolve('@msgpack/msgpack/package.json', { paths: [path.join(RUNTIME_DIR, 'src')] }));
  add('distribufy/node_modules/@msgpack/msgpack/package.json', fs.readFileSync(path.join(msgpackDir, 'package.json')));
  add('distribufy/node_modules/@msgpack/msgpack/LICENSE', fs.readFileSync(path.join(msgpackDir, 'LICENSE')));
  for (const f of walk(path.join(msgpackDir, 'dist.cjs'), (r) => r.endsWith('.cjs')))
    add(`distribufy/node_modules/@msgpack/msgpack/dist.cjs/${f}`, fs.readFileSync(path.join(msgpackDir, 'dist.cjs', f)));
  add('program/program.js', compiled);
  const map = path.join(compiledDir, 'program.js.map');
  if (fs.existsSync(map)) add('program/program.js.map', fs.readFileSync(map));
  add('program/program.schema', fs.readFileSync(schemaFile));
  add('program/distribufy.json', JSON.stringify({ format: 1, source: path.basename(o.source), actions }, null, 2) + '\n');
  if (o.actions)
    for (const f of walk(o.actions)) {
      const st = fs.statSync(path.join(o.actions, f));
      add(`actions/${f}`, fs.readFileSync(path.join(o.actions, f)), 0o100000 | (st.mode & 0o777));
    }
  return { entries, actions };
}

function parseArgs(argv) {
  const o = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      if (i + 1 >= argv.length) throw new UsageError(`${a} needs a value`);
      return argv[++i];
    };
    switch (a) {
      case '--compiled': o.compiled = value(); break;
      case '--source': o.source = value(); break;
      case '-o': o.output = value(); break;
      case '--actions': o.actions = value(); break;
      case '-h': case '--help': o.help = true; break;
      default: throw new UsageError(`unknown argument '${a}'`);
    }
  }
  if (o.help) return o;
  if (!o.compiled || !o.output) throw new UsageError('--compiled and -o are required');
  if (!o.source) o.source = o.compiled;
  if (o.actions !== undefined) {
    let st;
    try { st = fs.statSync(o.actions); } catch { st = undefined; }
    if (!st || !st.isDirectory()) throw new UsageError(`--actions: '${o.actions}' is not a directory`);
  }
  return o;
}

function main(argv) {
  let o;
  try {
    o = parseArgs(argv);
    if (o.help) {
      process.stdout.write(USAGE);
      return 0;
    }
    const { entries, actions } = buildEntries(o);
    const zip = makeZip(entries);
    if (zip.length > CODE_LIMIT)
      throw new UsageError(`the action zip would be ${zip.length} bytes, over OpenWhisk's code limit of ${CODE_LIMIT} bytes`);
    const out = path.resolve(o.output);
    let st;
    try { st = fs.statSync(out); } catch { st = undefined; }
    if (st && st.isDirectory()) throw new UsageError(`-o: '${o.output}' is a directory`);
    try {
      atomicWrite(out, zip);
    } catch (e) {
      throw new UsageError(`cannot write '${o.output}': ${e.message}`);
    }
    process.stdout.write(`wrote ${o.output} (${zip.length} bytes; actions: ${actions.length ? actions.join(', ') : 'none'})\n`);
    return 0;
  } catch (e) {
    if (e instanceof UsageError || (e && (e.code === 'ENOENT' || e.code === 'EACCES'))) {
      process.stderr.write(`distribufyc package: error: ${e.message}\n`);
      return 1;
    }
    throw e;
  }
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));

module.exports = { makeZip, crc32, actionNames };
