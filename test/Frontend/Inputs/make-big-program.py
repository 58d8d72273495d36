"""Writes a deterministic JavaScript program of at least N bytes."""
import sys

path, size = sys.argv[1], int(sys.argv[2])
parts, total, i = [], 0, 0
while total < size:
    p = (f'function f{i}(a, b) {{ const o = {{ x: a, y: [b, {i}, "s{i}"] }}; '
         f'return o.x + o.y[1] * {i} - (a > b ? a : b); }}\n')
    parts.append(p)
    total += len(p)
    i += 1
parts.append('console.log(f1(2, 3), f99(1, 1));\n')
with open(path, 'w') as f:
    f.write(''.join(parts))
