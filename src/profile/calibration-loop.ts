// The loop the line profiler calibrates itself on: its body does nothing, so every
// tick charged to it is the probes' own cost. Instrumented at build time, like the
// kernels (src/build/profile-plugin.ts).
// #region probe-calibration
export function spin(n: number): void {
  for (let i = 0; i < n; i++) {
    i;
  }
}
// #endregion probe-calibration
