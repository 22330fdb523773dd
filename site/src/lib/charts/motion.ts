/**
 * Transitions for marks, off when the reader asks for reduced motion.
 */
import { cubicOut } from 'svelte/easing';
import type { TransitionConfig } from 'svelte/transition';

export const prefersReducedMotion = (): boolean =>
  typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;

/** Bars grow from the baseline (needs `transform-box: fill-box; transform-origin: bottom`). */
export function grow(_node: Element, { delay = 0, duration = 450 }: { delay?: number; duration?: number } = {}): TransitionConfig {
  return { delay, duration: prefersReducedMotion() ? 0 : duration, easing: cubicOut, css: (t) => `transform: scaleY(${t})` };
}

/** Symbols grow from their centre (needs `transform-box: fill-box; transform-origin: center`). */
export function pop(_node: Element, { delay = 0, duration = 400 }: { delay?: number; duration?: number } = {}): TransitionConfig {
  return { delay, duration: prefersReducedMotion() ? 0 : duration, easing: cubicOut, css: (t) => `transform: scale(${t}); opacity: ${t}` };
}
