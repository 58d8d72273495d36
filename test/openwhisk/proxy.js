// proxy.js PORT - a clean-room emulation of the OpenWhisk Node.js action
// proxy (apache/openwhisk-runtime-nodejs core/nodejsActionBase; contract in
// ../shared/research/openwhisk.md §A2), one "container" per process:
//   POST /init {value: {name, main, code, binary, env}}
//     binary: code is a base64 zip (magic 504b0304), extracted here (our own
//     reader: central directory, zlib.inflateRawSync, CRC-32) into a fresh
//     temporary directory, then chdir; package.json's `main` names the
//     module (index.js by default), `main` the export (--main X.Y: module X,
//     export Y). Plain code is evaluated as the proxy does. env entries
//     become process.env. 200 {OK:true}; 403 on a second /init or no code;
//     502 "Initialization has failed due to: ..." (the container stops).
//   POST /run {value, namespace, action_name, activation_id, deadline,
//     api_key, ...}: every string field but value -> process.env.__OW_<KEY>;
//     value null -> {}, a non-object -> 403; main's result (or promise):
//     undefined -> {}, a non-object -> 502, a rejected promise -> 200
//     {error: {name, message, stack}}, a synchronous throw -> 502 and the
//     container stops. After every run the sentinel line is printed on
//     stdout and stderr (the invoker reads logs up to it).
// Listens on 127.0.0.1:PORT (0: any) and prints `LISTENING <port>` on fd 3.
'use strict';

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const http = require('node:http');
const zlib = require('node:zlib');

const SENTINEL = 'XXX_THE_END_OF_A_WHISK_ACTIVATION_XXX';
let status = 'ready';
let mainFn = null;
let initialized = false;

const CRC = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();
function crc32(b) {
  let c = 0xffffffff;
  for (let i = 0; i < b.length; i++) c = CRC[(c ^ b[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** Extracts a zip into dir (what `unzip -qq` does for the real proxy). */
function unzip(buf, dir) {
  let eocd = -1;
  for (let i = buf.length - 22; i >= 0; i--) if (buf.readUInt32LE(i) === 0x06054b50) { eocd = i; break; }
  if (eocd < 0) throw new Error('unzip: no end of central directory');
  const n = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  for (let k = 0; k < n; k++) {
    if (buf.readUInt32LE(p) !== 0x02014b50) throw new Error('unzip: bad central directory');
    const method = buf.readUInt16LE(p + 10), crc = buf.readUInt32LE(p + 16);
    const csize = buf.readUInt32LE(p + 20), size = buf.readUInt32LE(p + 24);
    const nlen = buf.readUInt16LE(p + 28), xlen = buf.readUInt16LE(p + 30), clen = buf.readUInt16LE(p + 32);
    const off = buf.readUInt32LE(p + 42);
    const name = buf.toString('utf8', p + 46, p + 46 + nlen);
    p += 46 + nlen + xlen + clen;
    if (buf.readUInt32LE(off) !== 0x04034b50) throw new Error(`unzip: bad local header for ${name}`);
    const start = off + 30 + buf.readUInt16LE(off + 26) + buf.readUInt16LE(off + 28);
    const raw = buf.subarray(start, start + csize);
    const data = method === 8 ? zlib.inflateRawSync(raw) : method === 0 ? raw : null;
    if (data === null) throw new Error(`unzip: method ${method}`);
    if (data.length !== size || crc32(data) !== crc) throw new Error(`unzip: ${name}: bad CRC`);
    const target = path.resolve(dir, name);
    if (!target.startsWith(dir + path.sep)) throw new Error(`unzip: ${name} escapes the directory`);
    if (name.endsWith('/')) { fs.mkdirSync(target, { recursive: true }); continue; }
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, data);
  }
}

function init(message) {
  if (message.env && typeof message.env === 'object')
    for (const [k, v] of Object.entries(message.env)) process.env[k] = typeof v === 'string' ? v : JSON.stringify(v);
  const handler = message.main || 'main';
  if (message.binary) {
    const buf = Buffer.from(message.code, 'base64');
    if (buf.readUInt32BE(0) !== 0x504b0304) throw new Error('the archive is not a zip file');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ow-container-'));
    unzip(buf, dir);
    process.chdir(dir);
    const m = /^([^.]+)$|^([^.]+)\.(.+)$/.exec(handler);
    let index = m && m[2], fn = m ? (m[1] || m[3]) : handler;
    if (index === undefined && fs.existsSync(path.join(dir, 'package.json'))) {
      const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
      if (pkg.main) index = pkg.main;
    }
    if (index === undefined && !fs.existsSync(path.join(dir, 'index.js')))
      throw new Error('Zipped actions must contain either package.json or index.js at the root.');
    const mod = require(path.join(dir, index || 'index.js'));
    mainFn = mod[fn];
  } else {
    // eslint-disable-next-line no-new-func
    mainFn = new Function('module', 'exports', 'require',
      `${message.code}\n;try { return ${handler} } catch (e) { if (e.name === 'ReferenceError') return module.exports.${handler} || exports.${handler}; throw e; }`)(
      { exports: {} }, {}, require);
  }
  if (typeof mainFn !== 'function') throw new Error(`Action entrypoint '${handler}' is not a function.`);
}

function reply(res, code, body) {
  const s = JSON.stringify(body);
  res.writeHead(code, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(s) });
  res.end(s);
}

function sentinel() {
  process.stdout.write(SENTINEL + '\n');
  process.stderr.write(SENTINEL + '\n');
}

async function run(body, res) {
  const value = body.value === null || body.value === undefined ? {} : body.value;
  if (typeof value !== 'object' || Array.isArray(value)) return reply(res, 403, { error: 'the argument must be a dictionary' });
  for (const [k, v] of Object.entries(body)) if (k !== 'value' && typeof v === 'string') process.env['__OW_' + k.toUpperCase()] = v;
  status = 'running';
  let result;
  try {
    result = mainFn(value);
  } catch (e) {
    status = 'stopped';
    sentinel();
    return reply(res, 502, { error: `An error has occurred: ${e}` });
  }
  try {
    result = await result;
  } catch (e) {
    status = 'ready';
    sentinel();
    const err = e instanceof Error ? { name: e.name, message: e.message, stack: e.stack } : e;
    return reply(res, 200, { error: err });
  }
  status = 'ready';
  sentinel();
  if (result === undefined) result = {};
  if (result === null || typeof result !== 'object') return reply(res, 502, { error: 'The action did not return a dictionary.' });
  return reply(res, 200, result);
}

const server = http.createServer((req, res) => {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    let body;
    try { body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}'); } catch { return reply(res, 400, { error: 'bad JSON' }); }
    if (req.method === 'POST' && req.url === '/init') {
      if (initialized) return reply(res, 403, { error: 'Cannot initialize the action more than once.' });
      const m = body.value || {};
      if (!m.code) return reply(res, 403, { error: 'Missing main/no code to execute.' });
      try {
        init(m);
        initialized = true;
        return reply(res, 200, { OK: true });
      } catch (e) {
        status = 'stopped';
        return reply(res, 502, { error: `Initialization has failed due to: ${e && e.stack || e}` });
      }
    }
    if (req.method === 'POST' && req.url === '/run') {
      if (status !== 'ready' || !initialized) return reply(res, 403, { error: `System not ready, status is ${status}.` });
      return run(body, res).catch((e) => reply(res, 500, { error: String(e) }));
    }
    return reply(res, 500, { error: 'Bad request.' });
  });
});
server.timeout = 0;
server.listen(Number(process.argv[2] || 0), '127.0.0.1', () => {
  fs.writeSync(3, `LISTENING ${server.address().port}\n`);
});
