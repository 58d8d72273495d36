'use strict';
exports.main = function main(params) {
  if (params.value === 13) throw new Error('13 is unlucky');
  return { value: params.value * params.value };
};
