/**
 * Golden values of src/engine/detmath.ts: each function's result for a few inputs, as the hex of the double's bits
 * (big-endian). Computed once (Node 20) and checked then against a 300-bit reference (mpmath): every value is within
 * 1.1 ulp of the true one. The functions use only exactly specified arithmetic, so every conforming JavaScript engine
 * must return these bits: test/engine/detmath.test.ts checks them in Node, test/e2e/determinism.spec.ts in Chromium.
 * A changed bit means either detmath.ts changed (update the table on purpose, and say so in the commit) or an engine
 * computes differently.
 */

/** [x, hex of f(x)] per one-argument function */
export const GOLDEN_UNARY: Record<'exp' | 'log' | 'log2' | 'tanh' | 'sigmoid' | 'sin2pi' | 'cos2pi', [number, string][]> = {
  exp: [[0, '3ff0000000000000'], [-0, '3ff0000000000000'], [1, '4005bf0a8b145769'], [-1, '3fd78b56362cef38'], [0.5, '3ffa61298e1e069c'], [1e-10, '3ff000000006df38'], [-1e-300, '3ff0000000000000'], [0.1, '3ff1aec7b35a00d4'], [-0.1, '3fecf46d99d52b3a'], [3.7, '4044394144eeec81'], [-7.25, '3f47455fe323fafd'], [20.5, '41c7d6c4f0bcdd5c'], [-36.75, '3c9f9494acde2139'], [88.7, '47ef4705bbffae5c'], [300.3, '5b02e9c6cabf8f3f'], [-700.1, '00cf52f93df4dfcf'], [709.78, '7fefe9ce5c4c52b4'], [-708.5, '000e6cf6d08897ac'], [-740.2, '0000000000000045'], [-745.1, '0000000000000001'], [0.000025, '3ff0001a36f864b7'], [0.34657359027997264, '3ff6a09e667f3bcc'], [12.345, '410c0d80ffb740c4']],
  log: [[1, '0000000000000000'], [2, '3fe62e42fefa39ef'], [0.5, 'bfe62e42fefa39ef'], [10, '40026bb1bbb55516'], [0.1, 'c0026bb1bbb55515'], [1.0000000001, '3ddb7cdffffa18d8'], [0.9999999999, 'bddb7ce00005e728'], [0.000033, 'c024a3545c5a916c'], [7.5e+250, '40820d4a16c8a3d1'], [1e-310, 'c0864e69394d9508'], [5e-324, 'c0874385446d71c3'], [1.7976931348623157e+308, '40862e42fefa39ef'], [1.4142135623730951, '3fd62e42fefa39f0'], [0.7071067811865476, 'bfd62e42fefa39ee'], [42.125, '400decd564734cd9'], [1e-300, 'c085963447f87fb5']],
  log2: [[1, '0000000000000000'], [2, '3ff0000000000000'], [1024, '4024000000000000'], [0.75, 'bfda8ff971810a5d'], [3, '3ff95c01a39fbd69'], [10, '400a934f0979a371'], [65, '401816e79685c2d2'], [1e-310, 'c0901730dabca5f6'], [1e+300, '408f24a09f1a8b89'], [1.4142135623730951, '3fe0000000000001']],
  tanh: [[0, '0000000000000000'], [-0, '8000000000000000'], [1e-9, '3e112e0be826d695'], [-3e-8, 'be601b2b29a46929'], [0.001, '3f50624d77516ce3'], [-0.0625, 'bfaff55997e030d7'], [0.25, '3fcf597ea69a1c86'], [0.5493, '3fdfffecabe9d856'], [-0.7, 'bfe356fb17af2e91'], [1, '3fe85efab514f394'], [-1.5, 'bfecf6f9786df577'], [2.75, '3fefbd509ae7ae3e'], [5, '3fefff419668df11'], [-9.5, 'bfeffffff9fbea41'], [15, '3feffffffffff96a'], [19.05, '3ff0000000000000'], [-19.2, 'bff0000000000000'], [25, '3ff0000000000000'], [1e+300, '3ff0000000000000']],
  sigmoid: [[0, '3fe0000000000000'], [1, '3fe764d4f5d5a2bd'], [-1, '3fd136561454ba86'], [0.3, '3fe261d545e46a8b'], [-4.25, '3f8ccd6411b606fa'], [8, '3feffd40b84505a2'], [-20.5, '3e157a3afe79aea9'], [36.9, '3ff0000000000000'], [-36.9, '3c9b2e7690e7502b'], [700, '3ff0000000000000'], [-750, '0000000000000000'], [1e-12, '3fe00000000008cc']],
  sin2pi: [[0, '0000000000000000'], [0.125, '3fe6a09e667f3bcc'], [0.25, '3ff0000000000000'], [0.3, '3fee6f0e13445500'], [0.5, '0000000000000000'], [0.6180339887498949, 'bfe59d9dd253cc14'], [0.75, 'bff0000000000000'], [0.9999999999999999, 'bcc921fb54442d18'], [1e-10, '3e0596bf8ce7631e'], [-0.1, 'bfe2cf2304755a5e'], [12.7, 'bfee6f0e134454f3'], [1234.5678, 'bfda7262dfc20900'], [0.8660254, 'bfe7dde1098515c6']],
  cos2pi: [[0, '3ff0000000000000'], [0.125, '3fe6a09e667f3bcd'], [0.25, '0000000000000000'], [0.3, 'bfd3c6ef372fe94e'], [0.5, 'bff0000000000000'], [0.6180339887498949, 'bfe798869e0de832'], [0.75, '0000000000000000'], [0.9999999999999999, '3ff0000000000000'], [1e-10, '3ff0000000000000'], [-0.1, '3fe9e3779b97f4a8'], [12.7, 'bfd3c6ef372fe99b'], [1234.5678, 'bfed23d913e6ae57'], [0.8660254, '3fe550f1c2f1d426']],
};

/** [b, n, hex of b^n] for powInt, and [a, b, hex of √(a² + b²)] for hypot */
export const GOLDEN_BINARY: Record<'powInt' | 'hypot', [number, number, string][]> = {
  powInt: [[0.9, 1, '3feccccccccccccd'], [0.9, 7, '3fde9c6a99d1cdbf'], [0.9, 1000, '366fee7413dac341'], [0.999, 1, '3feff7ced916872b'], [0.999, 2, '3fefef9fcb0c026d'], [0.999, 10, '3fefae7299c256e3'], [0.999, 777, '3fdd6a295854513f'], [0.999, 123456, '34cbe31a294758a6'], [0.99, -3, '3ff07d6112251211'], [1.0001, 100000, '40d57fdd2fe62a3d']],
  hypot: [[3, 4, '4014000000000000'], [1e+300, 1e+300, '7e40e4d50f99b211'], [1e-320, 3e-320, '0000000000001900'], [0.1, 0.2, '3fcc9f25c5bfedda'], [-5.5, 1e-10, '4016000000000000']],
};
