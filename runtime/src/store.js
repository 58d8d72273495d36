// store.js - Where checkpoints live between segments.
//
// DirStore layout (one directory per workflow instance):
//   STORE/instances/<id>/checkpoint.bin   the last good checkpoint (bytes of encodeCheckpoint)
//   STORE/instances/<id>/meta.json        {format, id, status, seq, checkpointId, build, source,
//                                          compiled, params, options, request, created, updated,
//                                          sha256, error?, result?}
//   STORE/instances/<id>/effects/<seq>.json       the outcome of the effect requested by checkpoint
//   STORE/instances/<id>/effects/<seq>.<i>.json   <seq> (and of element <i> of a parallel.map)
// The effect log: the engine records an effect's outcome (atomically, fsync'd)
// after performing it and BEFORE resuming the program with it; a resume looks
// the log up first, so an effect that completed is never performed again.
// Saving checkpoint N+1 supersedes the log entries below N+1 (they are
// deleted after the checkpoint is durable), so the log holds at most the
// effect in flight: store size and resume cost do not grow with the number of
// past steps (the checkpoint holds the state; nothing is replayed).
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

  // --- the effect log (keys: '<seq>' or '<seq>.<i>') ---
  effectFile(id, key) { return path.join(this.dir(id), 'effects', `${checkEffectKey(key)}.json`); }
  /** Durably records an effect's outcome (a JSON-able record). */
  recordEffect(id, key, record) {
    const d = path.join(this.ensure(id), 'effects');
    if (!fs.existsSync(d)) {
      fs.mkdirSync(d, { recursive: true });
      fsyncDir(path.dirname(d)); // the new directory entry must be durable too
    }
    atomicWrite(this.effectFile(id, key), JSON.stringify(record));
  }
  /** The recorded outcome of an effect, or undefined. */
  loadEffect(id, key) {
    try {
      return JSON.parse(fs.readFileSync(this.effectFile(id, key), 'utf8'));
    } catch (e) {
      if (e.code === 'ENOENT') return undefined;
      throw e;
    }
  }
  /**
   * Deletes the log entries of effects with a sequence number below `seq`
   * (all with Infinity), and the temporary files of such entries that an
   * engine killed in the middle of atomicWrite left behind (the instance has
   * one engine at a time, and its writes are synchronous: none is in flight).
   */
  dropEffects(id, seq) {
    const d = path.join(this.dir(id), 'effects');
    let names;
    try { names = fs.readdirSync(d); } catch { return; }
    for (const n of names) {
      const m = /^(\d+)(?:\.\d+)?\.json$/.exec(n) || /^\.(\d+)(?:\.\d+)?\.json\.\d+\.[0-9a-f]+\.tmp$/.exec(n);
      if (m && Number(m[1]) < seq) { try { fs.unlinkSync(path.join(d, n)); } catch {} }
    }
  }
  /** The number of effect log entries (tests, benchmarks). */
  effectCount(id) {
    try { return fs.readdirSync(path.join(this.dir(id), 'effects')).filter((n) => n.endsWith('.json')).length; } catch { return 0; }
  }
}

function checkEffectKey(key) {
  const k = String(key);
  if (!/^\d+(\.\d+)?$/.test(k)) throw new Error(`invalid effect key '${k}'`);
  return k;
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
  recordEffect(id, key, record) {
    const r = this.rec(id);
    if (!r.effects) r.effects = new Map();
    r.effects.set(checkEffectKey(key), JSON.stringify(record));
  }
  loadEffect(id, key) {
    const r = this.records.get(id);
    const s = r && r.effects && r.effects.get(checkEffectKey(key));
    return s === undefined ? undefined : JSON.parse(s);
  }
  dropEffects(id, seq) {
    const r = this.records.get(id);
    if (!r || !r.effects) return;
    for (const k of [...r.effects.keys()]) if (Number(k.split('.')[0]) < seq) r.effects.delete(k);
  }
  effectCount(id) { const r = this.records.get(id); return r && r.effects ? r.effects.size : 0; }
}

module.exports = { DirStore, MemoryStore, atomicWrite, newId, checkId };
