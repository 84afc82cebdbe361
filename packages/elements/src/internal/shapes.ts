import { svg } from 'lit';

/**
 * One shape per option position, so options differ by shape and number as well as by colour
 * (WCAG 1.4.1: no information by colour alone). Decorative: the option's text and number say
 * the same to assistive technology.
 */
const PATHS = [
  'M12 3 22 20H2z', // triangle
  'M12 2 22 12 12 22 2 12z', // diamond
  'M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20z', // circle
  'M3 3h18v18H3z', // square
  'M12 2l2.9 6.6 7.1.6-5.4 4.7 1.6 7.1L12 17.3 5.8 21l1.6-7.1L2 9.2l7.1-.6z', // star
  'M7 3h10l5 9-5 9H7l-5-9z', // hexagon
] as const;

/** Names of the shapes, in option order (used in parts and tests). */
export const SHAPE_NAMES = ['triangle', 'diamond', 'circle', 'square', 'star', 'hexagon'] as const;

export function shape(index: number) {
  return svg`<svg class="shape" viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d=${PATHS[index % PATHS.length]!} fill="currentColor"></path></svg>`;
}
