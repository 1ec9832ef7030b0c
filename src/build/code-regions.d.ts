// The module made by src/build/code-regions-plugin.ts.
declare module 'virtual:code-regions' {
  const index: import('./code-regions-plugin.ts').ShippedIndex;
  export default index;
}
