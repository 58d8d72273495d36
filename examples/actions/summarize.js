// The 'summarize' action of examples/invoke.js: the first words and the
// longest word of {words}, computed locally.
'use strict';

exports.main = function main(params) {
  const words = Array.isArray(params.words) ? params.words.map(String) : [];
  const longest = words.reduce((a, w) => (w.length > a.length ? w : a), '');
  return { first: words.slice(0, 3).join(' '), longest };
};
