// The lecture in order. Each module holds the slides of one section; headings and
// TOC slides come from src/toc/tree.ts, never from here.
import type { SlideSpec } from '../src/deck/slide.ts';
import { titleSlides } from './00-title.ts';
import { toyProblemSlides } from './01-toy-problem.ts';
import { profilingSlides } from './02-profiling.ts';
import { vectorisationSlides } from './03-vectorisation.ts';
import { parallelSlides } from './04-parallel.ts';
import { wrappingUpSlides } from './05-wrapping-up.ts';

export const lectureSlides: readonly SlideSpec[] = [
  ...titleSlides,
  ...toyProblemSlides,
  ...profilingSlides,
  ...vectorisationSlides,
  ...parallelSlides,
  ...wrappingUpSlides,
];
