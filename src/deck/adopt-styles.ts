// reveal.js's print view adds two <style> elements to <head> (the @page size and
// image limits, computed from the slide size). A strict CSP (style-src 'self')
// blocks inline <style>, so those rules would be lost and a violation reported.
// Stylesheets built through the CSSOM are not inline styles: this turns a <style>
// appended to <head> into an adopted stylesheet with the same rules.
export function adoptInjectedStyles(doc: Document): void {
  const head = doc.head;
  const append = head.appendChild.bind(head);
  head.appendChild = <T extends Node>(node: T): T => {
    if (!(node instanceof HTMLStyleElement)) return append(node);
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(node.textContent ?? '');
    doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
    return node;
  };
}
