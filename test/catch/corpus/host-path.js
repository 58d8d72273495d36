// The host module `path` (and `util`) used across checkpoints, including a
// function taken out of the module and kept in a local.
const runtime = require('distribufy');
const path = require('path');
const { format } = require('util');

function main() {
  const join = path.join;
  const posix = path.posix;
  const parts = ['a', 'b', '..', 'c', 'file.txt'];
  runtime.checkpoint();
  const p = join(...parts);
  console.log('join', p, 'ext', path.extname(p), 'base', posix.basename(p, '.txt'));
  runtime.checkpoint();
  console.log('normalize', path.normalize('/x/./y/../z/'), 'relative', path.relative('/a/b/c', '/a/d'));
  console.log('parse', JSON.stringify(path.parse('/home/u/f.tar.gz')));
  console.log(format('%s has %d parts', p, parts.length), 'sep', path.sep, 'same', join === path.join);
  return { p, sep: path.sep };
}

module.exports = main;
