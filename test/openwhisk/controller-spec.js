// controller-spec.js - checks that the clean-room controller and proxy
// (controller.js, proxy.js) behave as ../shared/research/openwhisk.md says,
// with hand-written conductor actions (plain code, no Distribufy), so the
// end-to-end tests of the Distribufy conductor run against a faithful
// double. Run with `node --test`.
'use strict';

const test = require('node:test');
const assert = require('node:assert');
const http = require('node:http');
const { Controller } = require('./controller.js');

async function withController(options, fn) {
  const ctl = await new Controller(options).start();
  try {
    return await fn(ctl);
  } finally {
    await ctl.stop();
  }
}

const ECHO = 'function main(params) { return params; }';

test('merge and boxing: params and state boxed, state keys override the result', () =>
  withController({}, async (ctl) => {
    ctl.createAction('echo', { code: ECHO });
    ctl.createAction('cond', {
      annotations: { conductor: true },
      params: { dflt: 'default param' },
      code: `function main(p) {
        if (p.state === 'boxed' && p.a === 1) return { params: 7 }; // state 'boxed' came back as {state: 'boxed'}
        if (p.step === 2 && p.value === 5) return { action: '/guest/echo', params: { a: 1 }, state: 'boxed' };
        if (!p.step) return { action: 'echo', params: 5, state: { step: 2 } }; // params 5 reach echo as {value: 5}
        return { error: 'unexpected params ' + JSON.stringify(p) };
      }`,
    });
    const rec = await ctl.invoke('cond', { x: 1 });
    const conductorCalls = rec.logs.map((id) => ctl.activations.get(id).rec).filter((r) => r.name === '/guest/cond');
    assert.strictEqual(conductorCalls.length, 3);
    // The composition ends with the boxed params of the last conductor result.
    assert.deepStrictEqual(rec.response.result, { value: 7 });
    assert.strictEqual(rec.response.success, true);
    assert.deepStrictEqual(rec.annotations.find((a) => a.key === 'conductor'), { key: 'conductor', value: true });
    // Secondary and component activations name the primary as their cause.
    for (const id of rec.logs) assert.strictEqual(ctl.activations.get(id).rec.cause, rec.activationId);
  }));

test('what the conductor receives: defaults, then result ++ state', () =>
  withController({}, async (ctl) => {
    ctl.createAction('echo', { code: ECHO });
    ctl.createAction('cond', {
      annotations: { conductor: true },
      params: { dflt: 'd' },
      code: `function main(p) {
        const calls = (p.calls || []).concat([Object.keys(p).filter((k) => k !== 'calls').sort().map((k) => k + '=' + JSON.stringify(p[k])).join(' ')]);
        if (calls.length === 1) return { action: 'echo', params: 5, state: { calls, value: 'state wins' } };
        if (calls.length === 2) return { action: 'echo', params: { a: 1 }, state: { calls } };
        return { params: { calls } };
      }`,
    });
    const rec = await ctl.invoke('cond', { x: 1 });
    assert.deepStrictEqual(rec.response.result.calls, [
      'dflt="d" x=1',
      'dflt="d" value="state wins"', // the component's {value: 5} under the state's value
      'a=1 dflt="d"',
    ]);
  }));

test('error payloads: the conductor is reinvoked with {error}', () =>
  withController({}, async (ctl) => {
    ctl.createAction('fail', { code: 'function main(p) { return { error: "app failure" }; }' });
    ctl.createAction('cond', {
      annotations: { conductor: true },
      code: `function main(p) {
        const seen = (p.seen || []).concat(p.error === undefined ? [] : [p.error]);
        const plan = [42, 'nope', 'fail', 'a//b'];
        if (seen.length < plan.length) return { action: plan[seen.length], state: { seen } };
        return { params: { seen } };
      }`,
    });
    const rec = await ctl.invoke('cond', {});
    assert.deepStrictEqual(rec.response.result.seen, [
      'Failed to parse action name from json value 42 during composition.',
      "Failed to resolve action with name '/guest/nope' during composition.",
      'app failure',
      'Failed to parse action name from json value "a//b" during composition.',
    ]);
  }));

test('limits: n components, then "Too many actions"; at most 2n+1 conductor activations', () =>
  withController({ maxComponents: 5 }, async (ctl) => {
    ctl.createAction('echo', { code: ECHO });
    ctl.createAction('loop', {
      annotations: { conductor: true },
      code: `function main(p) {
        const n = (p.n || 0) + 1;
        if (p.error) return { params: { n, error: p.error } };
        return { action: 'echo', params: {}, state: { n } };
      }`,
    });
    const rec = await ctl.invoke('loop', {});
    // 5 components ran; the 6th request was refused and the conductor saw it.
    assert.deepStrictEqual(rec.response.result, { n: 7, error: 'Too many actions in the composition.' });
    // A conductor that never gets a component through: 2n+1 activations, then the end.
    ctl.createAction('spin', { annotations: { conductor: true }, code: 'function main(p) { return { action: 42 }; }' });
    const spin = await ctl.invoke('spin', {});
    assert.deepStrictEqual(spin.response.result, { error: 'Too many actions in the composition.' });
    assert.strictEqual(spin.logs.length, 11);
  }));

test('sizes: a result over 1 MB is an application error with the platform message', () =>
  withController({}, async (ctl) => {
    ctl.createAction('big', { code: 'function main() { return { s: "x".repeat(1100000) }; }' });
    const rec = await ctl.invoke('big', {});
    assert.match(rec.response.result.error, /^The action produced a response that exceeded the allowed length: \d+ > 1048576 bytes\.$/);
    assert.strictEqual(rec.response.statusCode, 1);
  }));

test('proxy: rejected promise, synchronous throw (container stopped), non-dictionary result', () =>
  withController({}, async (ctl) => {
    ctl.createAction('rej', { code: 'async function main() { throw new TypeError("nope"); }' });
    const r1 = await ctl.invoke('rej', {});
    assert.strictEqual(r1.response.result.error.name, 'TypeError');
    assert.strictEqual(r1.response.result.error.message, 'nope');
    assert.strictEqual(r1.response.statusCode, 1);
    ctl.createAction('sync', { code: 'function main() { throw new Error("boom"); }' });
    const r2 = await ctl.invoke('sync', {});
    assert.strictEqual(r2.response.result.error, 'An error has occurred: Error: boom');
    assert.strictEqual(r2.response.statusCode, 2);
    ctl.createAction('str', { code: 'function main() { return "text"; }' });
    const r3 = await ctl.invoke('str', {});
    assert.strictEqual(r3.response.result.error, 'The action did not return a dictionary.');
    // Logs are the activation's stdout up to the sentinel.
    ctl.createAction('log', { code: 'function main() { console.log("one"); console.log("two"); return {}; }' });
    assert.deepStrictEqual((await ctl.invoke('log', {})).logs, ['one', 'two']);
    assert.deepStrictEqual((await ctl.invoke('log', {})).logs, ['one', 'two']);
  }));

function rest(ctl, method, path, body, key = ctl.apiKey) {
  const data = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
  const url = new URL(path, ctl.apiHost);
  return new Promise((resolve, reject) => {
    const req = http.request(url, {
      method, headers: { authorization: 'Basic ' + Buffer.from(key).toString('base64'), 'content-type': 'application/json' },
    }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, body: JSON.parse(Buffer.concat(chunks).toString() || '{}') }));
    });
    req.on('error', reject);
    req.end(data);
  });
}

test('REST: Basic auth, blocking invoke with a 202 after the wait, activation polling', () =>
  withController({ blockingWaitMs: 100 }, async (ctl) => {
    ctl.createAction('slow', { code: 'async function main(p) { await new Promise((r) => setTimeout(r, 1000)); return { v: p.v }; }' });
    ctl.createAction('quick', { code: ECHO });
    await ctl.invoke('quick', {}); // warm: a cold start would take longer than the 100 ms wait
    assert.strictEqual((await rest(ctl, 'POST', '/api/v1/namespaces/_/actions/quick?blocking=true', {}, 'wrong:key')).status, 401);
    const q = await rest(ctl, 'POST', '/api/v1/namespaces/_/actions/quick?blocking=true&result=true', { a: 1 });
    assert.deepStrictEqual(q, { status: 200, body: { a: 1 } });
    const s = await rest(ctl, 'POST', '/api/v1/namespaces/guest/actions/slow?blocking=true', { v: 3 });
    assert.strictEqual(s.status, 202);
    const id = s.body.activationId;
    assert.strictEqual((await rest(ctl, 'GET', `/api/v1/namespaces/guest/activations/${id}`)).status, 404);
    for (;;) {
      const g = await rest(ctl, 'GET', `/api/v1/namespaces/guest/activations/${id}`);
      if (g.status === 200) {
        assert.deepStrictEqual(g.body.response.result, { v: 3 });
        break;
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    assert.strictEqual((await rest(ctl, 'POST', '/api/v1/namespaces/_/actions/quick', { s: 'x'.repeat(1100000) })).status, 413);
  }));
