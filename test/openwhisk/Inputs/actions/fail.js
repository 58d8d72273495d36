'use strict';
exports.main = function main(params) {
  return { error: { message: `failed on purpose: ${params.why}` } };
};
