// A rendezvous of two calls: {name, peer} returns {met} only if the call
// named `peer` runs at the same time (within 5 s), which shows that a batch
// of effects runs its calls concurrently (run one after the other, the
// first one fails). Each call leaves a file named after itself in
// $MEET_DIR (default: the system's temporary folder) and removes its
// peer's once it has seen it, so a meeting leaves nothing behind.
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

exports.main = async function main({ name, peer }) {
  const dir = process.env.MEET_DIR || os.tmpdir();
  const mine = path.join(dir, `meet-${name}`), theirs = path.join(dir, `meet-${peer}`);
  fs.writeFileSync(mine, '');
  const until = Date.now() + 5000;
  while (!fs.existsSync(theirs)) {
    if (Date.now() > until) {
      fs.rmSync(mine, { force: true });
      return { error: `${name} waited 5 s for ${peer}: the calls did not run concurrently` };
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  fs.rmSync(theirs, { force: true });
  return { met: `${name} met ${peer}` };
};
