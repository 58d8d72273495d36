'use strict';
exports.main = async function main(params) {
  const words = params.words || [];
  return { first: words[0], last: words[words.length - 1], n: words.length };
};
