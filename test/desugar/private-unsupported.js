// What the private-name lowering cannot do exactly is reported, never
// miscompiled.
// RUN: not %dist-opt --passes=desugar %s 2>&1 | FileCheck %s --implicit-check-not=error:
// CHECK: private-unsupported.js:[[@LINE+1]]:27: error: unsupported construct: yield or await in the heritage or a computed key of a class expression declaring private names
function* g() { const C = class { #x; [yield 1]() {} }; }
// CHECK: private-unsupported.js:[[@LINE+1]]:30: error: unsupported construct: a public member keyed "#m" in a class with the private method or accessor #m
class S { #m() { return 1; } "#m"() {} }
// CHECK: private-unsupported.js:[[@LINE+1]]:31: error: unsupported construct: a constructor parameter list that may run code in a class with private fields after its last public field
class P { #x = 1; constructor(a = f()) {} }
// CHECK: private-unsupported.js:[[@LINE+1]]:19: error: unsupported construct: a private field initializer names 'v', which the constructor declares
class Q { #x = v; constructor() { let v = 2; } }
// CHECK: private-unsupported.js:[[@LINE+1]]:36: error: unsupported construct: an optional call before a private member in a chain
class R { #x; static m(o) { return o.f?.().#x; } }
// CHECK: private-unsupported.js:[[@LINE+1]]:36: error: unsupported construct: a private member used as a template tag
class T { #t; static m(o) { return o.#t`x`; } }
// CHECK: private-unsupported.js:[[@LINE+1]]:36: error: unsupported construct: an optional call of a private field followed by more of the chain
class U { #f; static m(o) { return o.#f?.().x; } }
