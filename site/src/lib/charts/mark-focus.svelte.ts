/**
 * What a chart's marks share for keyboard and pointer: the mark whose tooltip shows
 * (`active`), the one mark Tab reaches (a roving tabindex that arrows, Home and End move), and
 * the handlers each mark spreads (`<a {...focus.on(item, i)}>`). One per chart, made while the
 * component initialises.
 */
import { onMount } from 'svelte';
import { focusNextMark } from './keys';

export class MarkFocus<T> {
  /** The mark under the pointer or focus. */
  active: T | null = $state(null);
  /** The mark Tab reaches, once the reader moved it; -1 before. */
  index = $state(-1);
  mounted = $state(false);
  /** The chart's `<svg>`, whose `[data-mark]`s the arrows move between (`bind:this`). */
  svg: SVGSVGElement | undefined = $state();

  /**
   * @param count how many marks the chart has now
   * @param first the mark Tab reaches before the reader moves it
   */
  constructor(
    private readonly count: () => number,
    private readonly first: () => number = () => 0,
  ) {
    onMount(() => {
      this.mounted = true;
    });
  }

  get tabStop(): number {
    return this.index >= 0 && this.index < this.count() ? this.index : this.first();
  }

  /** Mark `i`'s tabindex; before hydration, `beforeMount` (links are reachable anyway). */
  tabindex(i: number, beforeMount?: number): number | undefined {
    return this.mounted ? (i === this.tabStop ? 0 : -1) : beforeMount;
  }

  /** Handlers for mark `i`, showing `item`; `hover` false when the chart tracks the pointer itself. */
  on(item: T, i: number, { hover = true } = {}) {
    return {
      onfocus: () => {
        this.active = item;
        this.index = i;
      },
      onblur: () => (this.active = null),
      onkeydown: (e: KeyboardEvent) => {
        if (e.key === 'Escape') this.active = null;
        else this.index = focusNextMark(e, i, this.count(), this.svg) ?? this.index;
      },
      ...(hover
        ? { onpointerenter: () => (this.active = item), onpointerleave: () => (this.active = null) }
        : {}),
    };
  }
}
