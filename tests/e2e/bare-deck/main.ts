// The reference for the first-load comparison (tests/e2e/first-load.ts): reveal.js
// with the deck's theme and size, and nothing of ours.
import Reveal from 'reveal.js';
import 'reveal.js/reveal.css';
import 'reveal.js/theme/white.css';

void new Reveal({ hash: true, width: 1280, height: 720 }).initialize();
