// store.js - Where checkpoints live between segments.
//
// DirStore layout (one directory per workflow instance):
//   STORE/instances/<id>/checkpoint.bin   the last good checkpoint (bytes of encodeCheckpoint)
//   STORE/instances/<id>/meta.json        {format, id, status, seq, checkpointId, build, source,
//                                          compiled, params, options, request, created, updated,
//                                          sha256, error?, result?}
// Every write is atomic: write a temporary file in the same directory,
// fsync it, rename it over the target, fsync the directory. A checkpoint
// that fails (serialization error) never touches checkpoint.bin.
// MemoryStore keeps the same records in memory (the API's default).
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const crypto = require('node:crypto');

const ID_RE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

function checkId(id) {
  if (typeof id !== 'string' || !ID_RE.test(id) || id.includes('..'))
    throw new Error(`invalid instance id '${id}' (letters, digits, '.', '_', '-')`);
  return id;
}

function newId() {
  return crypto.randomBytes(8).toString('hex');
}

function fsyncDir(dir) {
  let fd;
  try {
    fd = fs.openSync(dir, 'r');
    fs.fsyncSync(fd);
  } catch (e) {
    if (e.code !== 'EISDIR' && e.code !== 'EINVAL' && e.code !== 'EPERM') throw e;
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/** Writes `data` to `file` atomically (temp file, fsync, rename, fsync dir). */
function atomicWrite(file, data) {
  const dir = path.dirname(file);
  const tmp = path.join(dir, `.${path.basename(file)}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.tmp`);
  const fd = fs.openSync(tmp, 'wx', 0o600);
  try {
    const buf = typeof data === 'string' ? Buffer.from(data) : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
    let off = 0;
    while (off < buf.length) off += fs.writeSync(fd, buf, off, buf.length - off);
    fs.fsyncSync(fd);
  } catch (e) {
    fs.closeSync(fd);
    try { fs.unlinkSync(tmp); } catch {}
    throw e;
  }
  fs.closeSync(fd);
  try {
    fs.renameSync(tmp, file);
  } catch (e) {
    try { fs.unlinkSync(tmp); } catch {}
    throw e;
  }
  fsyncDir(dir);
}

class DirStore {
  constructor(root) {
    this.root = path.resolve(root);
  }
  dir(id) { return path.join(this.root, 'instances', checkId(id)); }
  ensure(id) {
    const d = this.dir(id);
    fs.mkdirSync(d, { recursive: true });
    return d;
  }
  /** Stores a checkpoint then its meta (both atomically). */
  saveCheckpoint(id, bytes, meta) {
    const d = this.ensure(id);
    atomicWrite(path.join(d, 'checkpoint.bin'), bytes);
    const sha256 = crypto.createHash('sha256').update(bytes).digest('hex');
    this.writeMeta(id, { ...meta, sha256 });
  }
  loadCheckpoint(id) {
    const f = path.join(this.dir(id), 'checkpoint.bin');
    try {
      return new Uint8Array(fs.readFileSync(f));
    } catch (e) {
      if (e.code === 'ENOENT') throw new Error(`no checkpoint for instance '${id}' in ${this.root}`);
      throw e;
    }
  }
  hasCheckpoint(id) { return fs.existsSync(path.join(this.dir(id), 'checkpoint.bin')); }
  writeMeta(id, meta) {
    const d = this.ensure(id);
    atomicWrite(path.join(d, 'meta.json'), JSON.stringify({ format: 1, id, ...meta }, null, 2) + '\n');
  }
  readMeta(id) {
    try {
      return JSON.parse(fs.readFileSync(path.join(this.dir(id), 'meta.json'), 'utf8'));
    } catch (e) {
      if (e.code === 'ENOENT') return undefined;
      throw e;
    }
  }
  list() {
    let names;
    try { names = fs.readdirSync(path.join(this.root, 'instances')); } catch { return []; }
    return names.filter((n) => ID_RE.test(n)).sort();
  }
  remove(id) { fs.rmSync(this.dir(id), { recursive: true, force: true }); }
}

class MemoryStore {
  constructor() { this.records = new Map(); }
  rec(id) {
    checkId(id);
    if (!this.records.has(id)) this.records.set(id, { bytes: undefined, meta: undefined });
    return this.records.get(id);
  }
  saveCheckpoint(id, bytes, meta) {
    const r = this.rec(id);
    r.bytes = Uint8Array.from(bytes);
    r.meta = { format: 1, id, ...meta, sha256: crypto.createHash('sha256').update(bytes).digest('hex') };
  }
  loadCheckpoint(id) {
    const r = this.records.get(id);
    if (!r || !r.bytes) throw new Error(`no checkpoint for instance '${id}' in the memory store`);
    return Uint8Array.from(r.bytes);
  }
  hasCheckpoint(id) { const r = this.records.get(id); return !!(r && r.bytes); }
  writeMeta(id, meta) { this.rec(id).meta = { format: 1, id, ...meta }; }
  readMeta(id) { const r = this.records.get(id); return r && r.meta; }
  list() { return [...this.records.keys()].sort(); }
  remove(id) { this.records.delete(id); }
}

module.exports = { DirStore, MemoryStore, atomicWrite, newId, checkId };
