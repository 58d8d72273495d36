// versions.js - Resuming a checkpoint under another build of its program.
//
// Every checkpoint's header lists the codes it references, with their
// schema entries' name, code hash and position (header.codes, written by
// the serializer when it is given the program's schema):
//
//   codes: [[code, name, hash, line, col, role], ...]
//     role: 1 a frame on the suspended stack, 2 a closure in the heap
//           (a FUNCTION entry), 3 both
//
// The code hash (schema `codes[i].hash`, computed by the compiler) covers the
// function's own compiled text and the compiler version, and nothing of
// other functions: editing one function changes its hash only (a nested
// function is a code of its own; see passes/Catch/Catch.cpp).
//
// Under the same build nothing is checked. Under another build, every
// referenced code must exist unchanged: a code of the new schema with the
// same hash and the same name (its id may differ: functions added or
// removed before it renumber it). Otherwise the resume fails, listing the
// functions that changed or disappeared. Why closures count too: a closure
// is rebuilt by running its code's factory, and a stored closure of a
// changed function would run code the suspended program never had, over an
// environment object its old enclosing code laid out. Consequences, also in
// runtime/README.md: every top-level function that another function calls
// lives in the module's environment, which the suspended frames reach, so
// it is referenced; the module function ("<top level>") changes whenever
// top-level statements are added, removed or edited, which strands only
// checkpoints taken while the top level itself was running (its frame is on
// the stack then), since afterwards nothing holds its code.
'use strict';

const ROLE_FRAME = 1, ROLE_CLOSURE = 2;

/**
 * The header's code table for the codes a checkpoint references:
 * `frameCodes` and `closureCodes` are iterables of code ids (strings, the
 * runtime's own codes, are skipped: the ABI covers them).
 */
function codeTable(schema, frameCodes, closureCodes) {
  const roles = new Map();
  for (const c of frameCodes) if (typeof c === 'number') roles.set(c, (roles.get(c) || 0) | ROLE_FRAME);
  for (const c of closureCodes) if (typeof c === 'number') roles.set(c, (roles.get(c) || 0) | ROLE_CLOSURE);
  const out = [];
  for (const [code, role] of [...roles].sort((a, b) => a[0] - b[0])) {
    const e = schema && Array.isArray(schema.codes) ? schema.codes[code] : undefined;
    if (!e) continue; // an unknown code: restore validation reports it
    out.push([code, String(e.name), typeof e.hash === 'string' ? e.hash : '', e.line >>> 0, e.col >>> 0, role]);
  }
  return out;
}

function isEntry(e) {
  return Array.isArray(e) && e.length === 6 && Number.isInteger(e[0]) && e[0] >= 0 && typeof e[1] === 'string' &&
    typeof e[2] === 'string' && Number.isInteger(e[3]) && Number.isInteger(e[4]) && Number.isInteger(e[5]);
}

function describe(e, source) {
  const what = e[5] & ROLE_FRAME ? (e[5] & ROLE_CLOSURE ? 'on the suspended stack and a stored closure' : 'on the suspended stack')
    : 'a stored closure';
  return `${e[1]} (${source}:${e[3]}:${e[4]}, ${what})`;
}

/**
 * Plans a resume of a checkpoint with `header` (of another build) under
 * `schema`: returns a Map from the checkpoint's code ids to this build's.
 * `fail(message, details)` throws the caller's error.
 */
function planRemap(header, schema, fail) {
  const codes = header.codes;
  const oldBuild = header.build, newBuild = schema && schema.build;
  const head = `checkpoint of build ${oldBuild} cannot resume under build ${newBuild}`;
  if (!Array.isArray(codes))
    fail(`${head}: it records no code hashes (written by an older runtime), so its functions cannot be matched`);
  if (!schema || !Array.isArray(schema.codes)) fail(`${head}: the running program has no schema`);
  // index this build's codes by hash + name
  const byKey = new Map();
  schema.codes.forEach((e, id) => {
    if (!e || typeof e.hash !== 'string' || e.hash === '') return;
    const k = e.hash + '\0' + e.name;
    let l = byKey.get(k);
    if (l === undefined) byKey.set(k, l = []);
    l.push(id);
  });
  const byName = new Map();
  schema.codes.forEach((e, id) => {
    if (!e) return;
    let l = byName.get(e.name);
    if (l === undefined) byName.set(e.name, l = []);
    l.push(id);
  });
  const source = typeof header.source === 'string' ? header.source : 'the program';
  const map = new Map();
  const changed = [], gone = [], ambiguous = [];
  for (const e of codes) {
    if (!isEntry(e)) fail(`${head}: its code table is malformed`);
    if (map.has(e[0])) fail(`${head}: its code table lists code ${e[0]} twice`);
    const cands = e[2] === '' ? undefined : byKey.get(e[2] + '\0' + e[1]);
    if (cands === undefined) {
      (byName.has(e[1]) ? changed : gone).push(e);
      continue;
    }
    let pick = cands.length === 1 ? cands[0] : undefined;
    if (pick === undefined) {
      // identical functions (same text, same name): the one at the same
      // position, else the one with the same id
      const at = cands.filter((id) => schema.codes[id].line === e[3] && schema.codes[id].col === e[4]);
      if (at.length === 1) pick = at[0];
      else if (cands.includes(e[0])) pick = e[0];
    }
    if (pick === undefined) { ambiguous.push(e); continue; }
    map.set(e[0], pick);
  }
  if (changed.length + gone.length + ambiguous.length > 0) {
    const lines = [];
    for (const e of changed) lines.push(`  changed: ${describe(e, source)}`);
    for (const e of gone) lines.push(`  disappeared: ${describe(e, source)}`);
    for (const e of ambiguous) lines.push(`  ambiguous (several identical functions in the new build): ${describe(e, source)}`);
    const n = lines.length;
    fail(`${head}: ${n} function${n === 1 ? '' : 's'} it references ${n === 1 ? 'has' : 'have'} changed or disappeared ` +
      `(positions are in the checkpoint's version of ${source}):\n${lines.join('\n')}`,
    { changed: changed.map((e) => e[1]), disappeared: gone.map((e) => e[1]), ambiguous: ambiguous.map((e) => e[1]) });
  }
  return map;
}

module.exports = { codeTable, planRemap, ROLE_FRAME, ROLE_CLOSURE };
