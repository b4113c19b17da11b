/**
 * Which kernels compute a training step's loss and gradient. `reference`: the Float64 engine, checked against
 * finite differences and TensorFlow.js. `fast`: float32 WebAssembly SIMD (fast/*.ts), tested against the
 * reference; where the host cannot run it, training falls back to the reference (Trainer.kernels says which ran).
 */
export type KernelPath = 'reference' | 'fast';

/** Both paths; the first is the default. */
export const KERNEL_PATHS: readonly KernelPath[] = ['reference', 'fast'];
