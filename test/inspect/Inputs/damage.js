// Writes damaged variants of a good checkpoint (argv[2]) into a directory
// (argv[3]) for damaged.test. Sealed variants get a correct SHA-256 tag over
// a crafted payload, so they get past the integrity check and exercise the
// decoder's own validation.
'use strict';
const fs = require('fs');
const path = require('path');
const crypto = require('crypto');

const [good, dir] = process.argv.slice(2);
const bytes = fs.readFileSync(good);
const out = (name, data) => fs.writeFileSync(path.join(dir, name), data);
const seal = (payload, key) => {
  const tag = key
    ? crypto.createHmac('sha256', key).update(payload).digest()
    : crypto.createHash('sha256').update(payload).digest();
  return Buffer.concat([Buffer.from('DSCK'), Buffer.from([2, key ? 2 : 1]), tag, payload]);
};
const payload = bytes.subarray(38);
// The envelope as the runtime writes it, then a body.

out('truncated.bin', bytes.subarray(0, bytes.length - 7));
const flipped = Buffer.from(bytes);
flipped[flipped.length >> 1] ^= 0x10;
out('flipped.bin', flipped);
out('empty.bin', Buffer.alloc(0));
out('magic.bin', Buffer.from('this is not a checkpoint, but it is long enough to be one'));
out('short.bin', bytes.subarray(0, 20));
const version = Buffer.from(bytes);
version[4] = 7;
out('version.bin', version);
out('garbage-sealed.bin', seal(Buffer.from([0xc1, 0xff, 0x00, 0x12])));

// A minimal valid envelope, written by hand:
// ["DSCK", 2, 1, build, {build}] with a 16-character build id.
const str = (t) => Buffer.concat([Buffer.from([0xa0 | t.length]), Buffer.from(t)]);
const build = 'feedfacefeedface';
const envelope = Buffer.concat([
  Buffer.from([0x95]), str('DSCK'), Buffer.from([0x02, 0x01]), str(build),
  Buffer.from([0x81]), str('build'), str(build),
]);
// body [REF 9999, []]: a reference past the (empty) heap
const badRef = Buffer.from([0x92, 0xd5, 0x00, 0x27, 0x0f, 0x90]);
out('bad-ref.bin', seal(Buffer.concat([envelope, badRef])));
// body [[[[...]]]], 100 000 levels deep: refused, not recursed into
const depth = 100000;
const deep = Buffer.concat([Buffer.from([0x92]), Buffer.alloc(depth, 0x91), Buffer.from([0xc0, 0x90])]);
out('deep.bin', seal(Buffer.concat([envelope, deep])));
// body [nil, array32 claiming 2^32-1 entries] with nothing after it
const huge = Buffer.from([0x92, 0xc0, 0xdd, 0xff, 0xff, 0xff, 0xff]);
out('huge-array.bin', seal(Buffer.concat([envelope, huge])));
// body [nil, array16 claiming 65535 entries] with one byte after it
out('lying-array.bin', seal(Buffer.concat([envelope, Buffer.from([0x92, 0xc0, 0xdc, 0xff, 0xff, 0x90])])));
// the good payload, authenticated with the key "sesame"
out('hmac.bin', seal(payload, 'sesame'));
