// Counts the words of {text} after a short, random delay, so that the calls
// of a parallel.map finish in any order (their results still come back in
// the order of the inputs).
'use strict';

exports.main = function main(params) {
  const text = String(params.text || '');
  return new Promise((resolve) => setTimeout(() =>
    resolve({ text, words: text.split(/\s+/).filter((w) => w.length > 0).length }), Math.floor(Math.random() * 20)));
};
