// Defaults shared by the harness, the CLI and the page. The seed is the data
// generator's own, so a request without a seed sees the same data as the slides.
export { DEFAULT_SEED } from '../data/generate.ts';
