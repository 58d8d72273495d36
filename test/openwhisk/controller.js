// controller.js - a clean-room, in-process OpenWhisk controller for tests,
// following ../shared/research/openwhisk.md §A1 (conductor actions, from
// PrimitiveActions.scala) and §A4:
//   - an action store: {name, zip|code, main, annotations, params, timeout, env};
//   - invokers: containers are proxy.js processes (the Node.js proxy's
//     /init + /run contract), reused while warm, one activation at a time;
//     logs are read from the container's stdout up to the sentinel;
//   - the conductor loop with its merge and boxing rules, the error payloads
//     the conductor is reinvoked with, the n = 50 component and 2n + 1
//     conductor limits (shared by nested conductors), timeout + 1 minute
//     waits, the 1 MB result and payload limits;
//   - activation records (primary composition records list the ids of
//     their component and secondary activations in `logs`; those carry
//     cause = the primary id);
//   - the REST API on 127.0.0.1: POST /api/v1/namespaces/NS/actions/NAME
//     ?blocking=&result= with Basic auth (blocking waits at most
//     blockingWaitMs, default 60 s, then 202 {activationId}), GET
//     /api/v1/namespaces/NS/activations/ID (404 until it ends).
'use strict';

const http = require('node:http');
const path = require('node:path');
const crypto = require('node:crypto');
const { spawn } = require('node:child_process');

const SENTINEL = 'XXX_THE_END_OF_A_WHISK_ACTIVATION_XXX';
const MB = 1024 * 1024;

const newActivationId = () => crypto.randomBytes(16).toString('hex');
const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);
const truthy = (v) => !(v === undefined || v === 0 || v === null || v === false || v === '');

class Container {
  constructor(action, controller) {
    this.action = action;
    this.controller = controller;
    this.busy = false;
    this.out = '';
    this.waiters = [];
  }

  async start() {
    this.proc = spawn(process.execPath, [path.join(__dirname, 'proxy.js'), '0'], {
      stdio: ['ignore', 'pipe', 'pipe', 'pipe'], env: { ...process.env, __OW_API_HOST: this.controller.apiHost, TMPDIR: this.controller.tmpRoot },
    });
    this.proc.stdout.on('data', (d) => { this.out += d.toString('utf8'); this.wake(); });
    this.proc.stderr.on('data', (d) => { this.err = (this.err || '') + d.toString('utf8'); });
    this.exited = new Promise((res) => this.proc.on('exit', () => { this.dead = true; this.wake(); res(); }));
    this.port = await new Promise((resolve, reject) => {
      let buf = '';
      this.proc.stdio[3].on('data', (d) => {
        buf += d;
        const m = /LISTENING (\d+)/.exec(buf);
        if (m) resolve(Number(m[1]));
      });
      this.proc.on('exit', (code) => reject(new Error(`container exited (${code}) before listening: ${this.err || ''}`)));
    });
    const a = this.action;
    const r = await this.post('/init', {
      value: {
        name: a.name, main: a.main || 'main', binary: !!a.zip, code: a.zip ? a.zip.toString('base64') : a.code,
        env: { ...(a.env || {}), __OW_NAMESPACE: this.controller.namespace, __OW_ACTION_NAME: a.name },
      },
    });
    if (r.status !== 200) throw new Error(`init of ${a.name} failed: ${JSON.stringify(r.body)}`);
  }

  wake() { for (const w of this.waiters.splice(0)) w(); }

  post(route, body) {
    const data = Buffer.from(JSON.stringify(body));
    return new Promise((resolve, reject) => {
      const req = http.request({ host: '127.0.0.1', port: this.port, path: route, method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': data.length } }, (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => {
          let b;
          try { b = JSON.parse(Buffer.concat(chunks).toString('utf8')); } catch { b = Buffer.concat(chunks).toString('utf8'); }
          resolve({ status: res.statusCode, body: b });
        });
      });
      req.on('error', reject);
      req.end(data);
    });
  }

  /** Logs of the current run: stdout up to the sentinel. */
  async takeLogs() {
    for (;;) {
      const i = this.out.indexOf(SENTINEL + '\n');
      if (i >= 0) {
        const logs = this.out.slice(0, i);
        this.out = this.out.slice(i + SENTINEL.length + 1);
        return logs;
      }
      if (this.dead) { const l = this.out; this.out = ''; return l; }
      await new Promise((res) => this.waiters.push(res));
    }
  }

  kill() { if (!this.dead) this.proc.kill('SIGKILL'); }
}

class Controller {
  /**
   * options: namespace ('guest'), apiKey, maxComponents (50), payloadLimit
   * (1 MB), blockingWaitMs (60 s), waitSlackMs (60 s: the controller waits
   * timeout + 1 minute for an activation).
   */
  constructor(options = {}) {
    this.namespace = options.namespace || 'guest';
    this.apiKey = options.apiKey || `${crypto.randomUUID()}:${crypto.randomBytes(24).toString('hex')}`;
    this.maxComponents = options.maxComponents || 50;
    this.payloadLimit = options.payloadLimit || MB;
    this.blockingWaitMs = options.blockingWaitMs || 60000;
    this.waitSlackMs = options.waitSlackMs === undefined ? 60000 : options.waitSlackMs;
    this.actions = new Map();
    this.pool = new Map(); // action name -> idle containers
    this.containers = new Set();
    this.activations = new Map();
    this.done = new Map(); // activation id -> promise of its record
    this.logOrder = []; // {activationId, action, logs} in completion order (every activation)
    this.restCalls = [];
  }

  async start() {
    // Containers extract their zips under this directory (TMPDIR), removed by stop().
    this.tmpRoot = require('node:fs').mkdtempSync(path.join(require('node:os').tmpdir(), 'ow-controller-'));
    this.server = http.createServer((req, res) => this.rest(req, res));
    await new Promise((res) => this.server.listen(0, '127.0.0.1', res));
    this.apiHost = `http://127.0.0.1:${this.server.address().port}`;
    return this;
  }

  async stop() {
    for (const c of this.containers) c.kill();
    await Promise.all([...this.containers].map((c) => c.exited));
    await new Promise((res) => this.server.close(res));
    require('node:fs').rmSync(this.tmpRoot, { recursive: true, force: true });
  }

  /** Fully qualified name: /ns/name, /ns/pkg/name; a relative name is in the default namespace. */
  resolve(name) {
    if (typeof name !== 'string' || name === '') return undefined;
    const parts = name.split('/');
    if (name.startsWith('/')) {
      if (parts.length < 3 || parts.length > 4 || parts.slice(1).some((p) => p === '')) return undefined;
      return name;
    }
    if (parts.length > 2 || parts.some((p) => p === '')) return undefined;
    return `/${this.namespace}/${name}`;
  }

  /** wsk action create NAME --kind nodejs:20 [--main M] [--annotation ...] [--param ...] [--timeout]. */
  createAction(name, spec) {
    const fqn = this.resolve(name);
    if (!fqn) throw new Error(`bad action name ${name}`);
    this.actions.set(fqn, { name: fqn, timeout: 60000, annotations: {}, params: {}, ...spec });
    return fqn;
  }

  record(name, cause) {
    const rec = { activationId: newActivationId(), namespace: this.namespace, name, start: Date.now(), annotations: [], logs: [] };
    if (cause) rec.cause = cause;
    this.activations.set(rec.activationId, { rec, final: false });
    return rec;
  }

  finish(rec, result, statusCode, logs) {
    rec.end = Date.now();
    rec.duration = rec.end - rec.start;
    const status = ['success', 'application error', 'action developer error', 'whisk internal error'][statusCode];
    rec.response = { status, statusCode, success: statusCode === 0, result };
    if (logs !== undefined) rec.logs = logs.split('\n').filter((l, i, a) => !(i === a.length - 1 && l === ''));
    this.activations.get(rec.activationId).final = true;
    return rec;
  }

  async container(action) {
    const idle = this.pool.get(action.name) || [];
    this.pool.set(action.name, idle);
    let c = idle.pop();
    if (!c) {
      c = new Container(action, this);
      this.containers.add(c);
      await c.start();
    }
    return c;
  }

  /**
   * One activation of a primitive action (the invoker): params are the
   * action's defaults with the payload over them. Returns the record.
   */
  async runPrimitive(action, payload, cause) {
    const rec = this.record(action.name, cause);
    const params = { ...action.params, ...(isObject(payload) ? payload : {}) };
    if (Buffer.byteLength(JSON.stringify(params)) > this.payloadLimit)
      return this.finish(rec, { error: `The request content was malformed: payload exceeds ${this.payloadLimit} bytes.` }, 1, '');
    const c = await this.container(action);
    const deadline = Date.now() + action.timeout;
    const body = {
      value: params, namespace: this.namespace, action_name: action.name, action_version: '0.0.1',
      activation_id: rec.activationId, transaction_id: newActivationId(), deadline: String(deadline),
    };
    if (truthy(action.annotations['provide-api-key'])) body.api_key = this.apiKey;
    let timer;
    const timeout = new Promise((res) => { timer = setTimeout(() => res('timeout'), action.timeout); });
    const r = await Promise.race([c.post('/run', body), timeout]);
    clearTimeout(timer);
    if (r === 'timeout') {
      c.kill();
      this.containers.delete(c);
      const logs = await c.takeLogs();
      this.logOrder.push({ activationId: rec.activationId, action: action.name, logs });
      return this.finish(rec, { error: `The action exceeded its time limits of ${action.timeout} milliseconds.` }, 2, logs);
    }
    const logs = await c.takeLogs();
    this.logOrder.push({ activationId: rec.activationId, action: action.name, logs });
    if (r.status === 403 || r.status === 502 || r.status >= 500 || !isObject(r.body)) {
      c.kill();
      this.containers.delete(c);
      return this.finish(rec, isObject(r.body) && 'error' in r.body ? r.body : { error: String(r.body) }, 2, logs);
    }
    this.pool.get(action.name).push(c);
    let result = r.body;
    const size = Buffer.byteLength(JSON.stringify(result));
    if (size > this.payloadLimit)
      return this.finish(rec, { error: `The action produced a response that exceeded the allowed length: ${size} > ${this.payloadLimit} bytes.` }, 1, logs);
    return this.finish(rec, result, 'error' in result ? 1 : 0, logs);
  }

  /** invokeComposition: the conductor loop. `session` is shared by nested conductors. */
  async runComposition(conductor, payload, cause, session) {
    const primary = this.record(conductor.name, cause);
    primary.annotations.push({ key: 'conductor', value: true }, { key: 'kind', value: 'sequence' }, { key: 'topmost', value: !session });
    session = session || { components: 0, conductors: 0 };
    const n = this.maxComponents;
    const ids = [];
    let state;
    let logs = '';
    const end = (result, statusCode) => {
      this.finish(primary, result, statusCode);
      primary.logs = ids;
      primary.duration = ids.reduce((d, id) => d + (this.activations.get(id).rec.duration || 0), 0);
      primary.compositionLogs = logs;
      return primary;
    };
    for (;;) {
      if (session.conductors > 2 * n) return end({ error: 'Too many actions in the composition.' }, 1);
      const p = isObject(payload) && state !== undefined ? { ...payload, ...state } : isObject(payload) ? payload : {};
      session.conductors++;
      const r = await this.runPrimitive(conductor, p, primary.activationId);
      ids.push(r.activationId);
      logs += r.logs.map((l) => l + '\n').join('');
      if (r.response.statusCode === 3) return end({ error: 'Activation failure during composition.' }, 3);
      const result = r.response.result;
      if ('error' in result || r.response.statusCode !== 0) return end(result, r.response.statusCode);
      const box = (v, key) => (v === undefined ? undefined : isObject(v) ? v : { [key]: v });
      const params = box(result.params, 'value');
      state = box(result.state, 'state');
      if (!('action' in result)) return end(params !== undefined ? params : result, r.response.statusCode);
      const raw = result.action;
      const fqn = typeof raw === 'string' ? this.resolve(raw) : undefined;
      if (!fqn) { payload = { error: `Failed to parse action name from json value ${JSON.stringify(raw)} during composition.` }; continue; }
      if (session.components >= n) { payload = { error: 'Too many actions in the composition.' }; continue; }
      const component = this.actions.get(fqn);
      if (!component) { payload = { error: `Failed to resolve action with name '${fqn}' during composition.` }; continue; }
      if (truthy(component.annotations.conductor)) {
        const nested = await this.runComposition(component, params || {}, primary.activationId, session);
        ids.push(nested.activationId);
        logs += nested.compositionLogs;
        payload = nested.response.result;
        continue;
      }
      session.components++;
      const c = await this.runPrimitive(component, params || {}, primary.activationId);
      ids.push(c.activationId);
      logs += c.logs.map((l) => l + '\n').join('');
      if (c.response.statusCode === 3) return end({ error: 'Activation failure during composition.' }, 3);
      payload = c.response.result;
    }
  }

  /** Invokes an action (a composition if it is a conductor): resolves to its record. */
  invoke(name, payload = {}, cause) {
    const fqn = this.resolve(name);
    const action = fqn && this.actions.get(fqn);
    if (!action) return Promise.reject(new Error(`no action ${name}`));
    const p = truthy(action.annotations.conductor)
      ? this.runComposition(action, { ...action.params, ...payload }, cause)
      : this.runPrimitive(action, payload, cause);
    return p;
  }

  /** Runs a program's composition and follows hand-overs to its end: {result, logs, compositions}. */
  async runToEnd(name, payload = {}) {
    let rec = await this.invoke(name, payload);
    let logs = rec.compositionLogs;
    let compositions = 1;
    for (;;) {
      const r = rec.response.result;
      const cont = isObject(r) && isObject(r.distribufy) && typeof r.distribufy.continued === 'string' ? r.distribufy.continued : undefined;
      if (!cont) return { result: r, logs, compositions, record: rec };
      rec = await this.waitActivation(cont);
      logs += rec.compositionLogs;
      compositions++;
    }
  }

  async waitActivation(id) {
    for (let i = 0; ; i++) {
      const p = this.done.get(id);
      if (p) return p;
      if (i > 1000) throw new Error(`activation ${id} never started`);
      await new Promise((res) => setTimeout(res, 10));
    }
  }

  // ---- the REST API ----

  rest(req, res) {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', async () => {
      const send = (code, body) => {
        const s = JSON.stringify(body);
        res.writeHead(code, { 'content-type': 'application/json' });
        res.end(s);
      };
      const auth = req.headers.authorization || '';
      if (auth !== 'Basic ' + Buffer.from(this.apiKey).toString('base64'))
        return send(401, { error: 'The supplied authentication is invalid.' });
      const url = new URL(req.url, 'http://x');
      this.restCalls.push(`${req.method} ${url.pathname}${url.search}`);
      const raw = Buffer.concat(chunks);
      if (raw.length > this.payloadLimit)
        return send(413, { error: `The request content was malformed: payload exceeds ${this.payloadLimit} bytes.` });
      let body;
      try { body = raw.length ? JSON.parse(raw.toString('utf8')) : {}; } catch { return send(400, { error: 'The request content was malformed.' }); }
      let m = /^\/api\/v1\/namespaces\/([^/]+)\/activations\/([0-9a-f]+)$/.exec(url.pathname);
      if (req.method === 'GET' && m) {
        const a = this.activations.get(m[2]);
        if (!a || !a.final) return send(404, { error: 'The requested resource does not exist.' });
        return send(200, a.rec);
      }
      m = /^\/api\/v1\/namespaces\/([^/]+)\/actions\/(.+)$/.exec(url.pathname);
      if (req.method === 'POST' && m) {
        const ns = decodeURIComponent(m[1]) === '_' ? this.namespace : decodeURIComponent(m[1]);
        const fqn = `/${ns}/${m[2].split('/').map(decodeURIComponent).join('/')}`;
        if (!this.actions.has(fqn)) return send(404, { error: 'The requested resource does not exist.' });
        if (!isObject(body)) return send(400, { error: 'The request content was malformed.' });
        const started = this.invoke(fqn, body);
        // invoke() creates its activation record synchronously (before its
        // first await): the newest record is this invocation's.
        const ids = [...this.activations.keys()];
        const id = ids[ids.length - 1];
        this.done.set(id, started);
        if (url.searchParams.get('blocking') !== 'true') return send(202, { activationId: id });
        let timer;
        const r = await Promise.race([started, new Promise((res) => { timer = setTimeout(() => res(null), this.blockingWaitMs); })]);
        clearTimeout(timer);
        if (r === null) return send(202, { activationId: id });
        if (url.searchParams.get('result') === 'true') return send(r.response.success ? 200 : 502, r.response.result);
        return send(r.response.success ? 200 : 502, r);
      }
      return send(404, { error: 'The requested resource does not exist.' });
    });
  }
}

module.exports = { Controller, SENTINEL };
