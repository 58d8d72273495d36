// link.js - The link API `$d` (PROTOCOL.md §2) and the restore engine (§5).
//
// `$d` is process-wide and stateless: the tags are WeakMaps keyed by the
// functions themselves, and the only mutable process state is `current`, the
// segment whose synchronous run is on the stack (so `$d.stress()` knows
// which instance it belongs to; two instances never run synchronously at
// the same time in one thread).
'use strict';

const {
  Capture, NonCapturableFrame, TAGS, codeDescriptors, MEMBERS, CAPTURE_POINTS, tag, tagMembers,
} = require('./capture.js');
const { hof, hofStress, AP, arrayFrom, hofRestores, stressCell } = require('./hof.js');

let current = null;
/** Sets the segment running synchronously; returns the previous one. */
function setCurrent(seg) {
  const prev = current;
  current = seg;
  return prev;
}
function getCurrent() { return current; }

// `$d.stressCell` (stress builds only; process-wide like `current`):
// `site` is the call-site flag: an instrumented call site sets it to 1 just
// before its call and to 0 when the call returns, and the entry of every
// compiled function takes it (reads and clears it). A function entered
// without it was called implicitly (a getter, setter, valueOf or Proxy trap
// run by the engine, a callback of a native): it adds 1 to `paused` for its
// dynamic extent: stress points do nothing while `paused` is positive,
// since a capture there would be refused. The
// runtime sets `site` where it calls compiled code as a real continuation
// point: the top level and main (Segment), the callbacks of $d.hofStress
// (the HOFs stress builds call; the cell lives in hof.js, which link.js
// requires).

/** `$d.stress()`: a capture point when the running instance asks for stress checkpoints. */
function stress() {
  if (stressCell.paused > 0) return;
  const seg = current;
  if (seg !== null && seg.stressPoint !== undefined) seg.stressPoint();
}
CAPTURE_POINTS.add(stress);

/** `$d.thisOf(() => this)`: `this`, or undefined in a derived constructor before super(). */
function thisOf(getThis) {
  try {
    return getThis();
  } catch (e) {
    if (e instanceof ReferenceError) return undefined;
    throw e;
  }
}

/** `$d.ctorResult(value, thisValue)`: what `return value` in a constructor makes `new` produce. */
function ctorResult(value, thisValue) {
  return value !== null && (typeof value === 'object' || typeof value === 'function') ? value : thisValue;
}

/**
 * `$d.ctorOrValue(newTarget, value, thisValue)`: in the restore code of a
 * plain function, which may have been called with `new`: what its
 * `return value` produces (ctorResult when it was constructing).
 */
function ctorOrValue(newTarget, value, thisValue) {
  return newTarget === undefined ? value : ctorResult(value, thisValue);
}

/** `$d.superAgain()`: a second `super(...)` call, reached in restore code. */
function superAgain() {
  throw new ReferenceError('Super constructor may only be called once');
}

// The temporal dead zone of `let`/`const`/`class` slots that the catch pass
// hoisted to `var`s: the slot holds `uninit` until its declaration runs
// (the closure pass's sentinel for environments is the same registered
// symbol, so both serialize by key and survive a resume).
const uninit = Symbol.for('distribufy.uninitialized');
const tdzMessage = (name) => `Cannot access '${name}' before initialization`;
/** `$d.tdz(value, name)`: a read that may precede the declaration. */
function tdz(value, name) {
  if (value === uninit) throw new ReferenceError(tdzMessage(name));
  return value;
}
/** `$d.tdzWrite(value, current, name)`: a write that may precede the declaration. */
function tdzWrite(value, current, name) {
  if (current === uninit) throw new ReferenceError(tdzMessage(name));
  return value;
}
/** `$d.constAssign(value)`: an assignment to a `const` slot. */
function constAssign() {
  throw new TypeError('Assignment to constant variable.');
}

/** ToPropertyKey, as a computed member key undergoes it (the catch pass's `$d.key`). */
const key = (v) => Reflect.ownKeys({ [v]: 0 })[0];

const shared = {
  key, Capture, hof, hofStress, AP, arrayFrom, stress, stressCell, thisOf, ctorResult, ctorOrValue, superAgain,
  uninit, tdz, tdzWrite, constAssign,
};
const $d = Object.freeze({ ...shared, tag, tagMembers });

/**
 * The `$d` one program is linked with: $d with tags that also record the
 * program (a token), so a function of another program loaded in the same
 * process is never stored as (code, env) of this one. Everything else is
 * shared ($d.Capture is one class for all programs).
 */
function linkAPIFor(token) {
  const descriptorOf = codeDescriptors(token);
  return Object.freeze({
    ...shared,
    tag: (fn, code, env) => tag(fn, code, env, descriptorOf),
    tagMembers: (cls, env, entries) => tagMembers(cls, env, entries, token),
  });
}

class RestoreError extends Error {
  constructor(message) {
    super(message);
    this.name = 'RestoreError';
  }
}

const HOF_SLOTS = 1;
const MEMBER_KINDS = new Set(['method', 'getter', 'setter']);

/**
 * Checks every frame (outermost first) against the program's schema and
 * restore table before any user code runs; throws RestoreError.
 */
function validateFrames(program, frames) {
  const { schema, restores } = program;
  if (!Array.isArray(frames) || frames.length === 0) throw new RestoreError('the checkpoint holds no frames');
  frames.forEach((f, i) => {
    const where = `frame ${i} (of ${frames.length}, outermost first)`;
    if (f === null || typeof f !== 'object') throw new RestoreError(`${where} is not a frame record`);
    const { code, cs, slots } = f;
    if (!Array.isArray(slots)) throw new RestoreError(`${where}: slots is not an array`);
    if (f.args !== undefined && !Array.isArray(f.args)) throw new RestoreError(`${where}: args is not an array`);
    if (f.env !== undefined && f.env !== null && typeof f.env !== 'object')
      throw new RestoreError(`${where}: env is not an environment object`);
    if (typeof code === 'string') {
      if (typeof hofRestores[code] !== 'function') throw new RestoreError(`${where}: unknown runtime code '${code}'`);
      if (cs !== 1) throw new RestoreError(`${where} (${code}): call site ${cs} out of range`);
      if (slots.length !== HOF_SLOTS || slots[0] === null || typeof slots[0] !== 'object')
        throw new RestoreError(`${where} (${code}): bad loop state`);
      return;
    }
    if (!Number.isInteger(code) || code < 0 || code >= schema.codes.length || !schema.codes[code])
      throw new RestoreError(`${where}: unknown code id ${code}`);
    const c = schema.codes[code];
    const label = `${where} (${c.name || '(anonymous)'}, code ${code})`;
    if (!c.instrumented) throw new RestoreError(`${label} is not instrumented`);
    if (c.kind === 'generator' || c.kind === 'async') throw new RestoreError(`${label}: a ${c.kind} function cannot be restored`);
    if (typeof restores[code] !== 'function') throw new RestoreError(`${label} has no restore function`);
    if (!Number.isInteger(cs) || cs < 1 || cs > c.sites.length)
      throw new RestoreError(`${label}: call site ${cs} out of range 1..${c.sites.length}`);
    const live = c.sites[cs - 1].live;
    if (slots.length !== live.length)
      throw new RestoreError(`${label}: call site ${cs} has ${live.length} live slots, the frame holds ${slots.length}`);
    if (MEMBER_KINDS.has(c.kind) && (f.home === null || (typeof f.home !== 'object' && typeof f.home !== 'function')))
      throw new RestoreError(`${label}: a class member's frame without its home object`);
  });
}

/**
 * Re-enters the frames (outermost first) and resumes the innermost with
 * `outcome` ({value} or {threw: true, value}). Returns what the outermost
 * frame's restore function returns; a new capture propagates as a Capture.
 */
function runFrames(program, frames, outcome) {
  const restores = program.restores;
  let i = 0;
  const k = {
    next() {
      if (i < frames.length) {
        const f = frames[i++];
        try {
          if (typeof f.code === 'string') return hofRestores[f.code](f, k);
          const R = restores[f.code](f.env, f.self, f.home);
          return R.call(f.thisValue, f, k);
        } catch (e) {
          // The caller is a restore body at its k.next() site: its frame
          // needs no callee check (the frame below is the one it restored).
          if (e instanceof Capture) e.trustNext = true;
          throw e;
        }
      }
      if (i++ !== frames.length) throw new RestoreError('k.next() called twice at the innermost frame');
      if (outcome.threw) throw outcome.value;
      return outcome.value;
    },
  };
  return k.next();
}

/** "prog.js:12:5 (arr.map)" for a frame's call site. */
function siteText(schema, code, cs) {
  if (typeof code === 'string') return `the callback call of ${code.replace(/^hof:/, 'Array.prototype.')} (runtime)`;
  const c = schema && schema.codes[code];
  const s = c && c.sites && c.sites[cs - 1];
  if (!s) return `code ${code} site ${cs}`;
  return `${schema.source}:${s.line}:${s.col} (${s.callee})`;
}

function codeName(schema, code) {
  if (typeof code === 'string') return code.replace(/^hof:/, 'Array.prototype.');
  const c = schema && schema.codes[code];
  return c ? (c.name || '(anonymous)') : `code ${code}`;
}

/** The NonCapturableFrame for a failed capture. */
function captureFailure(schema, cap) {
  const f = cap.failure;
  if (f.kind === 'unsupported') {
    const c = typeof f.code === 'number' && schema ? schema.codes[f.code] : null;
    const where = c ? ` (${schema.source}:${c.line}:${c.col})` : '';
    return new NonCapturableFrame(
      `cannot capture the continuation: the frame of \`${codeName(schema, f.code)}\`${where} cannot be restored: ${f.reason}`,
      { site: where.slice(2, -1), reason: f.reason });
  }
  const site = siteText(schema, f.code, f.cs);
  const msg = f.innermost
    ? `cannot capture the continuation at ${site}: it called ${f.callee.text}, which is not a capture point, ` +
      'yet a capture point was reached through it (a native or uninstrumented frame sits in between)'
    : `cannot capture the continuation at ${site}: the call went through ${f.callee.text}, ` +
      (f.callee.tagged ? 'whose frame is not the next one on the captured stack' : 'which is not instrumented') +
      ' (a native or uninstrumented frame sits between this call site and the capture point)';
  return new NonCapturableFrame(msg, { site, via: f.callee.text });
}

module.exports = {
  $d, linkAPIFor, Capture, NonCapturableFrame, RestoreError, TAGS, MEMBERS, CAPTURE_POINTS,
  setCurrent, getCurrent, stressCell, validateFrames, runFrames, siteText, codeName, captureFailure, hofRestores,
};
