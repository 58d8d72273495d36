// Shared by the engine benchmarks: compile a program with the build's
// distribufyc (the default pipeline, as `distribufyc run` does) and load it.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { execFileSync } = require('node:child_process');

const root = path.join(__dirname, '..', '..');
const api = require(path.join(root, 'runtime', 'src', 'api.js'));

function compileAndLoad(build, src, outDir) {
  const tool = path.join(build, 'tools', 'distribufyc', 'distribufyc');
  if (!fs.existsSync(tool)) throw new Error(`build distribufyc first: ${tool} not found (--build DIR)`);
  const out = path.join(outDir, path.basename(src));
  execFileSync(tool, [src, '-o', out], { stdio: 'inherit' });
  return api.Program.load(out, { source: src });
}

const now = () => Number(process.hrtime.bigint()) / 1e6; // ms

function dirBytes(dir) {
  let n = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    n += e.isDirectory() ? dirBytes(p) : fs.statSync(p).size;
  }
  return n;
}

module.exports = { root, api, compileAndLoad, now, dirBytes };
