// What the private-name lowering cannot do exactly is reported, never
// miscompiled.
// RUN: not %dist-opt --passes=desugar %s 2>&1 | FileCheck %s --implicit-check-not=error:
// CHECK: private-unsupported.js:[[@LINE+1]]:27: error: unsupported construct: yield or await in the heritage or a computed key of a class expression declaring private names
function* g() { const C = class { #x; [yield 1]() {} }; }
class Base { m() { return 1; } }
// CHECK: private-unsupported.js:[[@LINE+1]]:24: error: unsupported construct: `super` in a private method or accessor
class S extends Base { #m() { return super.m(); } }
// CHECK: private-unsupported.js:[[@LINE+1]]:31: error: unsupported construct: a constructor parameter list that may run code in a class with private fields after its last public field
class P { #x = 1; constructor(a = f()) {} }
// CHECK: private-unsupported.js:[[@LINE+1]]:19: error: unsupported construct: a private field initializer names 'v', which the constructor declares
class Q { #x = v; constructor() { let v = 2; } }
// CHECK: private-unsupported.js:[[@LINE+1]]:36: error: unsupported construct: an optional call before a private member in a chain
class R { #x; static m(o) { return o.f?.().#x; } }
