// conductor-spec.js - the Distribufy conductor (runtime/src/openwhisk.js)
// inside a zip made by `distribufyc package` ($DISTRIBUFYC), deployed on
// the clean-room controller: the state it hands the controller, the
// checkpoint HMAC key as a default parameter (a tampered or forged state
// is refused), configuration parameters hidden from the program, the
// component limit as a parameter, an action that does not exist.
// Run with `node --test` and DISTRIBUFYC set.
'use strict';

const test = require('node:test');
const assert = require('node:assert');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const zlib = require('node:zlib');
const { spawnSync } = require('node:child_process');
const { Controller } = require('./controller.js');

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ow-spec-'));
test.after(() => fs.rmSync(tmp, { recursive: true, force: true }));

function pack(source) {
  const prog = path.join(tmp, `p${Math.random().toString(36).slice(2)}.js`);
  fs.writeFileSync(prog, source);
  const zip = prog.replace(/\.js$/, '.zip');
  const r = spawnSync(process.env.DISTRIBUFYC, ['package', prog, '-o', zip, '--actions', path.join(__dirname, 'Inputs/actions')], { encoding: 'utf8' });
  assert.strictEqual(r.status, 0, r.stderr);
  return fs.readFileSync(zip);
}

const PROGRAM = `
const runtime = require('distribufy');
const utils = runtime.require('distribufy/dist/src/utils/utils').register(runtime, '');
function main(params) {
  const keys = Object.keys(params).sort();
  const a = utils.invoke('square', { value: params.n });
  const b = utils.invoke('square', { value: a.value });
  return { keys, b: b.value };
}
module.exports = main;
`;

async function deploy(zip, params = {}, options = {}) {
  const ctl = await new Controller(options).start();
  ctl.createAction('flow', { zip, annotations: { conductor: true, 'provide-api-key': true }, params });
  ctl.createAction('flow-sleep', { zip, main: 'sleep', env: { DISTRIBUFY_OW_VIRTUAL_TIME: '1' } });
  ctl.createAction('square', { zip, main: 'square' });
  return ctl;
}

test('the state: deflated checkpoint, pending request, counters; config params hidden', async () => {
  const zip = pack(PROGRAM);
  const ctl = await deploy(zip, { distribufyCheckpointKey: 'hex:00112233445566778899aabbccddeeff', distribufyYield: 'never' });
  try {
    const rec = await ctl.invoke('flow', { n: 3 });
    assert.deepStrictEqual(rec.response.result, { keys: ['n'], b: 81 });
    const first = ctl.activations.get(rec.logs[0]).rec.response.result;
    assert.strictEqual(first.action, '/guest/square');
    assert.deepStrictEqual(first.params, { value: 3 });
    const st = first.state.distribufy;
    assert.strictEqual(st.v, 1);
    assert.deepStrictEqual(st.pending, { kind: 'invoke', action: 'square' });
    assert.strictEqual(st.components, 1);
    const bytes = zlib.inflateSync(Buffer.from(st.ckpt, 'base64'));
    assert.strictEqual(bytes.toString('latin1', 0, 4), 'DSCK');
    assert.strictEqual(bytes[5], 2, 'the checkpoint is authenticated (HMAC tag)');

    // A tampered state is refused: flip a byte of the checkpoint.
    const bad = Buffer.from(bytes);
    bad[bad.length - 3] ^= 1;
    const forged = { ...st, ckpt: zlib.deflateSync(bad).toString('base64') };
    const r = await ctl.invoke('flow', { value: 9, distribufy: forged });
    assert.ok(r.response.result.error, JSON.stringify(r.response.result));
    assert.match(r.response.result.error.message, /HMAC|authenticat|integrity|tag/i);
  } finally {
    await ctl.stop();
  }
});

test('a state written with a key is refused by a conductor without it', async () => {
  const zip = pack(PROGRAM);
  const keyed = await deploy(zip, { distribufyCheckpointKey: 'secret one', distribufyYield: 'never' });
  let st;
  try {
    const rec = await keyed.invoke('flow', { n: 2 });
    st = keyed.activations.get(rec.logs[0]).rec.response.result.state.distribufy;
  } finally {
    await keyed.stop();
  }
  const open = await deploy(zip, { distribufyYield: 'never' });
  try {
    const r = await open.invoke('flow', { value: 4, distribufy: st });
    assert.ok(r.response.result.error);
    assert.match(r.response.result.error.message, /no key is configured/);
  } finally {
    await open.stop();
  }
});

test('distribufyMaxComponents: hand-over to a new composition after N components', async () => {
  const zip = pack(PROGRAM);
  const ctl = await deploy(zip, { distribufyMaxComponents: 1, distribufyYield: 'never' });
  try {
    const r = await ctl.runToEnd('flow', { n: 2 });
    assert.deepStrictEqual(r.result, { keys: ['n'], b: 16 });
    assert.strictEqual(r.compositions, 2);
    assert.ok(ctl.restCalls.some((c) => c.startsWith('POST /api/v1/namespaces/guest/actions/flow?blocking=false')), ctl.restCalls.join('\n'));
  } finally {
    await ctl.stop();
  }
});

test('an uncaught ActionError ends the composition with {error}', async () => {
  const zip = pack(`
const runtime = require('distribufy');
const utils = runtime.require('distribufy/dist/src/utils/utils').register(runtime, '');
module.exports = function main() { return utils.invoke('missing', {}); };
`);
  const ctl = await deploy(zip);
  try {
    const rec = await ctl.invoke('flow', {});
    assert.strictEqual(rec.response.success, false);
    assert.strictEqual(rec.response.result.error.name, 'ActionError');
    assert.strictEqual(rec.response.result.error.message,
      "action 'missing' failed: Failed to resolve action with name '/guest/missing' during composition.");
  } finally {
    await ctl.stop();
  }
});
